namespace AiMastering.Engine.Streaming;

/// <summary>
/// A private folder for one long-track mastering run's spill files, under the given temp folder (or the system's).
/// Disposing closes every file and deletes the folder, so it is gone after success, failure and cancellation alike.
/// </summary>
internal sealed class SpillFolder : IDisposable
{
    private readonly List<SpillFile> files = [];

    public SpillFolder(string? parent = null)
    {
        Path = System.IO.Path.Combine(parent ?? System.IO.Path.GetTempPath(), "aimaster-spill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A new spill file in this folder (its name says what it holds, for anyone looking at a running job).</summary>
    public SpillFile Create(string name, int sampleRate, int channelCount, long length = 0)
    {
        var file = new SpillFile(System.IO.Path.Combine(Path, name + ".f32"), sampleRate, channelCount, length);
        lock (files)
        {
            files.Add(file);
        }

        return file;
    }

    /// <summary>Closes (and so deletes) a file that is no longer needed, freeing its disk space early.</summary>
    public void Release(SpillFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        lock (files)
        {
            files.Remove(file);
        }

        file.Dispose();
    }

    public void Dispose()
    {
        lock (files)
        {
            foreach (var file in files)
            {
                file.Dispose();
            }

            files.Clear();
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, and never in place of the error that ended the run: the files were deleted on close.
        }
    }
}
