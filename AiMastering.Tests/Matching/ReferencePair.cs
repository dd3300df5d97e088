namespace AiMastering.Tests.Matching;

/// <summary>A source (song + character filter + rate) to be matched to a reference (another song, filter and rate).</summary>
public sealed record ReferencePair(string SourceSong, string SourceFilter, int SourceRate, string ReferenceSong, string ReferenceFilter, int ReferenceRate)
{
    public static IReadOnlyList<ReferencePair> All { get; } =
    [
        new("chaos_god", MatchingMusic.DarkQuiet, 44100, "armygeddon", MatchingMusic.LoudBright, 44100),
        new("mutilated_mime", MatchingMusic.DarkQuiet, 44100, "internal_degeneration", MatchingMusic.Plain, 44100),
        new("internal_degeneration", MatchingMusic.ThinHarsh, 44100, "chaos_god", MatchingMusic.Plain, 44100),
        new("armygeddon", MatchingMusic.DarkQuiet, 44100, "mutilated_mime", MatchingMusic.LoudBright, 48000),
        new("mutilated_mime", MatchingMusic.ThinHarsh, 48000, "armygeddon", MatchingMusic.Plain, 44100),
    ];

    public override string ToString() =>
        $"{SourceSong} ({Character(SourceFilter)}, {SourceRate / 1000.0:0.#} kHz) → {ReferenceSong} ({Character(ReferenceFilter)}, {ReferenceRate / 1000.0:0.#} kHz)";

    private static string Character(string filter) => filter switch
    {
        MatchingMusic.DarkQuiet => "dark/quiet",
        MatchingMusic.LoudBright => "loud/bright",
        MatchingMusic.ThinHarsh => "thin/harsh",
        _ => "plain",
    };
}
