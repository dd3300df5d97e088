using System.Globalization;
using AiMastering.Testing;
using AiMastering.Tests.Analysis;

namespace AiMastering.Tests.Mastering;

/// <summary>
/// Real mixes for the mastering tests: the song and guitar OGG stems of a fretsonfire-songs-muldjord song
/// summed by ffmpeg (as in <see cref="RealMusicOracleTests"/>), cut to a clip, resampled and turned up or down.
/// </summary>
internal static class MusicMixes
{
    public static string SongsDirectory()
    {
        var songs = RepositoryPaths.MusicSongs();
        if (!Directory.Exists(songs))
        {
            Assert.Fail($"Test music is missing ({songs}). Run scripts/fetch-test-music.sh from the repository root first.");
        }

        return songs;
    }

    /// <param name="gainDb">Gain applied to the summed stems.</param>
    /// <param name="codec">pcm_f32le keeps overs; pcm_s16le clips at full scale (for an over-loud clipped mix).</param>
    public static string Create(string dir, string song, int sampleRate, int channels, double startSeconds = 30, double seconds = 25, double gainDb = 0, string codec = "pcm_f32le")
    {
        var songs = SongsDirectory();
        var path = Path.Combine(dir, $"{song}-{sampleRate}-{channels}-{gainDb.ToString("0.#", CultureInfo.InvariantCulture)}.wav");
        var filter = string.Create(
            CultureInfo.InvariantCulture,
            $"[0:a][1:a]amix=inputs=2:duration=shortest:normalize=0,atrim={startSeconds}:{startSeconds + seconds},asetpts=N/SR/TB,volume={gainDb}dB,aresample={sampleRate}:resampler=soxr");
        FfmpegLoudness.Run(
            "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-i", Path.Combine(songs, song, "song.ogg"),
            "-i", Path.Combine(songs, song, "guitar.ogg"),
            "-filter_complex", filter,
            "-ac", channels.ToString(CultureInfo.InvariantCulture),
            "-c:a", codec, path);
        return path;
    }
}
