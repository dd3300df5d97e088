using System.Text.Json;
using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Processing;
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

    private readonly string dir = Decoding.TestAudioFiles.NewDirectory();

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
