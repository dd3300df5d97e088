namespace AiMastering.Engine.Mastering;

/// <summary>
/// Told when the master exists: rendered in memory (e.g. to start the MP3 preview while master.wav is written) and
/// written to its file. Both do nothing unless implemented.
/// </summary>
public interface IMasteringObserver
{
    /// <summary>
    /// The final master (for 16-bit, dithered), which nothing changes afterwards, and the true-peak ceiling it was made
    /// for; called just before master.wav is written. Not called on the long-track path, which has no master buffer.
    /// </summary>
    void MasterRendered(AudioBuffer master, double ceilingDbtp)
    {
    }

    /// <summary>master.wav is complete at <paramref name="path"/>.</summary>
    void MasterWritten(string path)
    {
    }
}
