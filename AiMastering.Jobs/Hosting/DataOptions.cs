namespace AiMastering.Jobs.Hosting;

/// <summary>Configuration section <c>Data</c>: where the embedded backends keep their files.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Folder for the SQLite job store, stored files and the signing key. Default <c>.data</c> (relative to the working directory).</summary>
    public string Folder { get; set; } = ".data";

    public string FullFolder => Path.GetFullPath(Folder);
}
