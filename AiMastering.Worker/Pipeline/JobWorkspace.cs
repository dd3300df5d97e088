namespace AiMastering.Worker.Pipeline;

/// <summary>A job's private temp folder, deleted when the job ends whatever happened.</summary>
public sealed class JobWorkspace : IDisposable
{
    public JobWorkspace(string? root, Guid jobId)
    {
        Folder = Path.Combine(root ?? Path.GetTempPath(), "aimastering", $"{jobId:N}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }
    }
}
