using System.Text.Json;
using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Dsp;
using AiMastering.Testing;
using AiMastering.Tests.Mastering;

namespace AiMastering.Tests.Analysis;

/// <summary>
/// The long-track path analyzes audio as it streams by, in blocks whose sizes depend on the decoder and the
/// pipeline. A musician must get the same analysis.json as from the whole file at once.
/// </summary>
public sealed class BlockFedAnalysisTests : IDisposable
{
    // Odd sizes: sub-blocks (441/480 samples), true-peak blocks (4,096) and spectrum frames (8,192) all get split.
    private static readonly int[] BlockSizes = [1, 4097, 333, 65537, 12345, 8191, 480];

    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("chaos_god", 48000, 2, 0.0, "pcm_f32le")]
    [InlineData("armygeddon", 44100, 1, 0.0, "pcm_f32le")]
    [InlineData("mutilated_mime", 44100, 2, 14.0, "pcm_s16le")] // clipped: clip runs cross block boundaries
    public void Analysis_fed_in_odd_blocks_equals_the_whole_buffer_analysis(string song, int rate, int channels, double gainDb, string codec)
    {
        var mix = AudioDecoder.Decode(MusicMixes.Create(dir, song, rate, channels, seconds: 20, gainDb: gainDb, codec: codec));
        var whole = Analyzer.Analyze(mix);

        var passes = new AnalysisPasses(mix.SampleRate, mix.ChannelCount, lengthHint: 0, framePowers: true);
        foreach (var block in Blocks(mix))
        {
            passes.Append(block);
        }

        var blockFed = Analyzer.Analyze(passes.Complete(), new BufferAudio(mix));

        if (gainDb > 0)
        {
            whole.Problems.ShouldContain(p => p.Code == ProblemCode.Clipping);
        }

        Json(blockFed).ShouldBe(Json(whole));
    }

    [Theory]
    [InlineData("chaos_god", 48000, 2, "pcm_s24le")]
    [InlineData("armygeddon", 44100, 1, "pcm_s16le")]
    [InlineData("internal_degeneration", 44100, 2, "flac")] // through ffmpeg, whose reads are other sizes
    public void Analysis_made_while_decoding_equals_the_analysis_of_the_decoded_buffer(string song, int rate, int channels, string codec)
    {
        var path = MusicMixes.Create(dir, song, rate, channels, seconds: 20, codec: codec == "flac" ? "pcm_s24le" : codec);
        if (codec == "flac")
        {
            var flac = Path.ChangeExtension(path, ".flac");
            TestAudioFiles.Ffmpeg("-i", path, "-c:a", "flac", flac);
            path = flac;
        }

        using var overlapped = new OverlappedAnalysis();
        var mix = AudioDecoder.Decode(path, overlapped.Decoded);

        Json(overlapped.Complete(mix)).ShouldBe(Json(Analyzer.Analyze(mix)));
    }

    [Fact]
    public void A_file_refused_once_decoded_gives_its_own_error_though_its_analysis_was_under_way()
    {
        var path = MusicMixes.Create(dir, "chaos_god", 48000, 2, seconds: 20, codec: "pcm_s16le");
        var bytes = File.ReadAllBytes(path);
        var data = bytes.AsSpan().IndexOf("data"u8) + 8;
        Array.Clear(bytes, data, bytes.Length - data); // digital silence: refused once the whole file is decoded
        File.WriteAllBytes(path, bytes);
        var overlapped = new OverlappedAnalysis();

        var error = Should.Throw<AudioDecodeException>(() => AudioDecoder.Decode(path, overlapped.Decoded));
        overlapped.Dispose();

        error.Problem.ShouldBe(AudioProblem.Silent);
    }

    [Fact]
    public void Loudness_reading_fed_in_blocks_equals_the_whole_buffer_reading()
    {
        var mix = AudioDecoder.Decode(MusicMixes.Create(dir, "internal_degeneration", 48000, 2, seconds: 12));
        var passes = new AnalysisPasses(mix.SampleRate, mix.ChannelCount, mix.Length, framePowers: false);
        foreach (var block in Blocks(mix))
        {
            passes.Append(block);
        }

        LoudnessMeter.Read(passes.Complete()).ShouldBe(LoudnessMeter.Measure(mix));
    }

    // Each block in arrays of its own, as a decoder would hand them over.
    private static IEnumerable<AudioBlock> Blocks(AudioBuffer audio)
    {
        var start = 0;
        for (var i = 0; start < audio.Length; i++)
        {
            var n = Math.Min(BlockSizes[i % BlockSizes.Length], audio.Length - start);
            yield return new AudioBlock([.. audio.Channels.Select(c => c.AsSpan(start, n).ToArray())]);
            start += n;
        }
    }

    private static string Json(AudioAnalysis analysis) => JsonSerializer.Serialize(analysis, EngineJsonContext.Default.AudioAnalysis);
}
