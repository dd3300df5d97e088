using System.Globalization;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Matching;
using AiMastering.Testing;

namespace AiMastering.Tests.Matching;

/// <summary>
/// The acceptance measure on real music: for pairs of different character (and sample rate), the
/// independent 1/3-octave mid distance (<see cref="TonalDistance"/>) between master and reference is on
/// average at least 65 % smaller than between source and reference, and at least 50 % smaller on every
/// pair; the master keeps the source's rate, channels and length; FFmpeg's true-peak meter reads at or
/// below the ceiling.
/// </summary>
public sealed class ReferenceMatchMusicTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Masters_move_most_of_the_way_to_the_reference_and_stay_under_the_ceiling()
    {
        var output = TestContext.Current.TestOutputHelper;
        var reductions = new List<double>();
        foreach (var pair in ReferencePair.All)
        {
            var source = AudioDecoder.Decode(MatchingMusic.Make(dir, pair.SourceSong, pair.SourceFilter, pair.SourceRate));
            var reference = AudioDecoder.Decode(MatchingMusic.Make(dir, pair.ReferenceSong, pair.ReferenceFilter, pair.ReferenceRate));
            var match = ReferenceMatcher.Match(source, reference);
            // The product's path: the match as the prelude of the full mastering chain and closed loop.
            var result = MasteringEngine.Master(source, MasteringSettings.Default, match.ToPrelude(), ct: TestContext.Current.CancellationToken);
            var master = result.Master.ShouldNotBeNull();

            master.SampleRate.ShouldBe(source.SampleRate);
            master.ChannelCount.ShouldBe(source.ChannelCount);
            master.Length.ShouldBe(source.Length);

            var before = TonalDistance.MidRmsDb(source, reference);
            var after = TonalDistance.MidRmsDb(master, reference);
            var reduction = 100 * (1 - (after / before));
            reductions.Add(reduction);

            var file = Path.Combine(dir, "master.wav");
            WavWriter.Write(file, master, WavWriter.FloatBitDepth);
            var ffmpeg = FfmpegLoudness.Measure(file);
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pair}: distance {before:0.00} → {after:0.00} dB ({reduction:0.0} % closer); target {match.TargetLufs:0.0} LUFS, ffmpeg I {ffmpeg.IntegratedLufs:0.0} LUFS, TP {ffmpeg.TruePeakDbtp:0.0} dBTP (ceiling {match.CeilingDbtp:0.0}); passes {result.Report.Iterations.Count}"));
            foreach (var rule in match.Rules)
            {
                output?.WriteLine($"  {rule.Name}: {rule.Reason}");
            }

            ffmpeg.TruePeakDbtp.ShouldBeLessThanOrEqualTo(match.CeilingDbtp, $"{pair}: true peak by ffmpeg");
            ffmpeg.IntegratedLufs.ShouldBe(match.TargetLufs, 0.5, $"{pair}: loudness by ffmpeg");
            reduction.ShouldBeGreaterThanOrEqualTo(50, $"{pair}: distance reduction");
        }

        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean reduction {reductions.Average():0.0} %"));
        reductions.Average().ShouldBeGreaterThanOrEqualTo(65);
    }
}
