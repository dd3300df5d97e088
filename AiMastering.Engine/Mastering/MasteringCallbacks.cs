namespace AiMastering.Engine.Mastering;

/// <summary>An <see cref="IMasteringObserver"/> made of two optional callbacks.</summary>
public sealed class MasteringCallbacks(Action<AudioBuffer, double>? rendered = null, Action<string>? written = null) : IMasteringObserver
{
    public void MasterRendered(AudioBuffer master, double ceilingDbtp) => rendered?.Invoke(master, ceilingDbtp);

    public void MasterWritten(string path) => written?.Invoke(path);
}
