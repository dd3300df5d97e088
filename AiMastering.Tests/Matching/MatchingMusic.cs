using AiMastering.Testing;

namespace AiMastering.Tests.Matching;

/// <summary>
/// Real-music pairs for reference matching: 45 s of song + guitar stems from fretsonfire-songs-muldjord
/// (from 30 s in), given different characters with ffmpeg filters, written as 32-bit float WAV.
/// </summary>
internal static class MatchingMusic
{
    /// <summary>Quiet and dark: treble −9 dB from 2.5 kHz, bass +3 dB, 16 dB down.</summary>
    public const string DarkQuiet = "treble=g=-9:f=2500,bass=g=3:f=120,volume=-16dB";

    /// <summary>Loud and bright: treble +5 dB from 4 kHz, bass −2 dB.</summary>
    public const string LoudBright = "treble=g=5:f=4000,bass=g=-2:f=100,volume=-3dB";

    /// <summary>Thin and harsh: bass −8 dB, presence +4 dB around 3 kHz, 10 dB down.</summary>
    public const string ThinHarsh = "bass=g=-8:f=200,equalizer=f=3000:t=o:w=1.5:g=4,volume=-10dB";

    /// <summary>The plain stem mix, 4 dB down so it peaks near full scale.</summary>
    public const string Plain = "volume=-4dB";

    public static string Songs()
    {
        var songs = RepositoryPaths.MusicSongs();
        if (!Directory.Exists(songs))
        {
            Assert.Fail($"Test music is missing ({songs}). Run scripts/fetch-test-music.sh from the repository root first.");
        }

        return songs;
    }

    /// <summary>Mixes a song's stems through <paramref name="filter"/> into a WAV at <paramref name="sampleRate"/>.</summary>
    public static string Make(string directory, string song, string filter, int sampleRate = 44100, double seconds = 45, double startSeconds = 30)
    {
        var songs = Songs();
        var name = $"{song}-{Math.Abs(filter.GetHashCode(StringComparison.Ordinal)):x}-{sampleRate}-{seconds}.wav";
        var path = Path.Combine(directory, name);
        if (File.Exists(path))
        {
            return path;
        }

        var start = startSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var length = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        FfmpegLoudness.Run(
            "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-ss", start, "-t", length, "-i", Path.Combine(songs, song, "song.ogg"),
            "-ss", start, "-t", length, "-i", Path.Combine(songs, song, "guitar.ogg"),
            "-filter_complex", $"[0:a][1:a]amix=inputs=2:duration=shortest:normalize=0,{filter},aresample={sampleRate}:resampler=soxr",
            "-c:a", "pcm_f32le", path);
        return path;
    }
}
