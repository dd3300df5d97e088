namespace AiMastering.Testing;

/// <summary>Finds the repository root (the folder holding AiMastering.slnx) from the test assembly folder.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiMastering.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AiMastering.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string MusicSongs() =>
        Path.Combine(Root(), ".test-data", "music", "usr", "share", "games", "fretsonfire", "data", "songs", "muldjord");
}
