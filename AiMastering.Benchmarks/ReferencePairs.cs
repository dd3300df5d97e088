using System.Globalization;
using AiMastering.Testing;

namespace AiMastering.Benchmarks;

/// <summary>
/// The reference benchmark's pairs: song + guitar stems of Debian's fretsonfire-songs-muldjord mixed by ffmpeg, given
/// a character with ffmpeg filters and resampled with soxr (cached as 32-bit float WAVs in the temp folder). The
/// 5-minute pairs loop the songs to 300 s.
/// </summary>
internal static class ReferencePairs
{
    private static readonly (string Name, string Filter) DarkQuiet = ("dark-quiet", "treble=g=-9:f=2500,bass=g=3:f=120,volume=-16dB");
    private static readonly (string Name, string Filter) LoudBright = ("loud-bright", "treble=g=5:f=4000,bass=g=-2:f=100,volume=-3dB");
    private static readonly (string Name, string Filter) ThinHarsh = ("thin-harsh", "bass=g=-8:f=200,equalizer=f=3000:t=o:w=1.5:g=4,volume=-10dB");
    private static readonly (string Name, string Filter) Plain = ("plain", "volume=-4dB");

    /// <summary>Name, source file and reference file of each pair; the first two are the 5-minute pairs.</summary>
    public static IReadOnlyList<(string Name, string Source, string Reference)> Create(string songs)
    {
        var work = Path.Combine(Path.GetTempPath(), "aimaster-reference-bench");
        Directory.CreateDirectory(work);
        string Mix(string song, (string Name, string Filter) character, int rate, double seconds = 0) => ReferencePairs.Mix(songs, work, song, character, rate, seconds);
        return
        [
            ("5-min 48k: chaos_god dark/quiet → armygeddon loud/bright", Mix("chaos_god", DarkQuiet, 48000, 300), Mix("armygeddon", LoudBright, 48000, 300)),
            ("5-min: chaos_god dark/quiet 44.1k → armygeddon loud/bright 48k", Mix("chaos_god", DarkQuiet, 44100, 300), Mix("armygeddon", LoudBright, 48000, 300)),
            ("mutilated_mime dark/quiet → internal_degeneration plain", Mix("mutilated_mime", DarkQuiet, 44100), Mix("internal_degeneration", Plain, 44100)),
            ("internal_degeneration thin/harsh → chaos_god plain", Mix("internal_degeneration", ThinHarsh, 44100), Mix("chaos_god", Plain, 44100)),
            ("armygeddon dark/quiet 44.1k → mutilated_mime loud/bright 48k", Mix("armygeddon", DarkQuiet, 44100), Mix("mutilated_mime", LoudBright, 48000)),
            ("mutilated_mime thin/harsh 48k → armygeddon plain 44.1k", Mix("mutilated_mime", ThinHarsh, 48000), Mix("armygeddon", Plain, 44100)),
        ];
    }

    private static string Mix(string songs, string work, string song, (string Name, string Filter) character, int rate, double seconds)
    {
        var path = Path.Combine(work, FormattableString.Invariant($"{song}-{character.Name}-{rate}-{seconds}s.wav"));
        if (File.Exists(path))
        {
            return path;
        }

        var loop = seconds > 0 ? $",aloop=loop=-1:size=2147483647,atrim=0:{seconds.ToString(CultureInfo.InvariantCulture)}" : "";
        FfmpegLoudness.Run("-nostdin", "-hide_banner", "-v", "error", "-y",
            "-i", Path.Combine(songs, song, "song.ogg"), "-i", Path.Combine(songs, song, "guitar.ogg"),
            "-filter_complex", $"[0:a][1:a]amix=inputs=2:duration=shortest:normalize=0,{character.Filter}{loop},aresample={rate}:resampler=soxr",
            "-c:a", "pcm_f32le", path);
        return path;
    }
}
