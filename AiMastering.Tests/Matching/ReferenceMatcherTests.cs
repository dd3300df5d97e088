using AiMastering.Engine;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Matching;
using AiMastering.Testing;

namespace AiMastering.Tests.Matching;

public sealed class ReferenceMatcherTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // The product's path: the match as the prelude of the mastering chain.
    private static AudioBuffer Master(AudioBuffer source, ReferenceMatch match) =>
        MasteringEngine.Master(source, MasteringSettings.Default, match.ToPrelude(), ct: TestContext.Current.CancellationToken).Master.ShouldNotBeNull();

    [Fact]
    public void Identical_reference_gives_a_flat_match_curve()
    {
        var mix = MatchSignals.Noise(44100, 20, darkness: 0.8);
        var match = ReferenceMatcher.Match(mix, mix);
        var deviation = Math.Max(Curve.MaxAbs(match.EqCurveDb), Curve.MaxAbs(match.WidthCurveDb!));
        TestContext.Current.TestOutputHelper?.WriteLine($"max deviation {deviation:0.000} dB");
        deviation.ShouldBeLessThanOrEqualTo(0.5);
    }

    [Fact]
    public void Identical_real_music_as_reference_at_another_rate_gives_a_nearly_flat_curve()
    {
        var source = Engine.Decoding.AudioDecoder.Decode(MatchingMusic.Make(dir, "chaos_god", MatchingMusic.Plain, 44100));
        var reference = Engine.Decoding.AudioDecoder.Decode(MatchingMusic.Make(dir, "chaos_god", MatchingMusic.Plain, 48000));
        var same = ReferenceMatcher.Match(source, source);
        var resampled = ReferenceMatcher.Match(source, reference);
        var sameDeviation = Curve.MaxAbs(same.EqCurveDb);
        var resampledDeviation = Curve.MaxAbs(resampled.EqCurveDb);
        var worst = resampled.EqCurveDb.MaxBy(p => Math.Abs(p.Db));
        TestContext.Current.TestOutputHelper?.WriteLine($"max deviation: same buffer {sameDeviation:0.000} dB, 48 kHz copy {resampledDeviation:0.000} dB at {worst.Hz:0} Hz");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(" ", resampled.EqCurveDb.Where((_, i) => i % 8 == 0).Select(p => $"{p.Hz:0}:{p.Db:0.00}")));
        sameDeviation.ShouldBeLessThanOrEqualTo(0.5);
        resampledDeviation.ShouldBeLessThanOrEqualTo(0.75); // different frame grid and bin width: estimation noise, mostly below 40 Hz
    }

    [Fact]
    public void Amount_zero_leaves_the_tonal_balance_of_the_plain_master()
    {
        var source = MatchSignals.Noise(44100, 12, darkness: 0.9, seed: 2);
        var reference = MatchSignals.Noise(48000, 12, darkness: 0.1, seed: 3);
        var match = ReferenceMatcher.Match(source, reference, new ReferenceMatchSettings(AmountPercent: 0));
        var eq = match.CreateEqualizer(44100, 2);
        eq.IsPassThrough.ShouldBeTrue();
        eq.LatencySamples.ShouldBe(0);
        var master = Master(source, match);
        TonalDistance.MidRmsDb(master, source).ShouldBeLessThan(0.2);
        match.Rules.Single(r => r.Name == "reference-eq").Reason.ShouldContain("0 %");
    }

    [Fact]
    public void Half_amount_halves_the_curve()
    {
        var source = MatchSignals.Noise(44100, 12, darkness: 0.9, seed: 2);
        var reference = MatchSignals.Noise(44100, 12, darkness: 0.3, seed: 3);
        var full = ReferenceMatcher.Match(source, reference);
        var half = ReferenceMatcher.Match(source, reference, new ReferenceMatchSettings(AmountPercent: 50));
        for (var i = 0; i < full.EqCurveDb.Count; i++)
        {
            half.EqCurveDb[i].Db.ShouldBe(full.EqCurveDb[i].Db / 2, 1e-9);
        }
    }

    [Fact]
    public void Boost_and_cut_are_limited()
    {
        var source = MatchSignals.Noise(44100, 10, darkness: 0.99, seed: 4);
        var reference = MatchSignals.Noise(44100, 10, darkness: 0, seed: 5);
        var match = ReferenceMatcher.Match(source, reference, new ReferenceMatchSettings(MaxBoostDb: 6, MaxCutDb: 4));
        match.EqCurveDb.Max(p => p.Db).ShouldBeLessThanOrEqualTo(6 + 1e-9);
        match.EqCurveDb.Min(p => p.Db).ShouldBeGreaterThanOrEqualTo(-4 - 1e-9);
        match.EqCurveDb.Max(p => p.Db).ShouldBe(6, 1e-9);
    }

    [Fact]
    public void Loudness_target_is_the_reference_unless_a_platform_target_is_chosen()
    {
        var source = MatchSignals.Noise(44100, 10, seed: 6);
        var reference = MatchSignals.Noise(44100, 10, seed: 7);
        var fromReference = ReferenceMatcher.Match(source, reference);
        fromReference.TargetSource.ShouldBe(LoudnessTargetSource.Reference);
        fromReference.TargetLufs.ShouldBe(fromReference.Reference.IntegratedLufs!.Value);

        var platform = ReferenceMatcher.Match(source, reference, platformTargetLufs: -14);
        platform.TargetSource.ShouldBe(LoudnessTargetSource.Platform);
        platform.TargetLufs.ShouldBe(-14);
        platform.Rules.Single(r => r.Name == "reference-loudness").Inputs["platformTargetLufs"].ShouldBe(-14);
    }

    [Fact]
    public void Ceiling_never_goes_above_minus_0_3_dBTP()
    {
        var source = MatchSignals.Noise(44100, 10, seed: 8);
        var hot = MatchSignals.Noise(44100, 10, seed: 9);
        foreach (var channel in hot.Channels)
        {
            for (var i = 0; i < channel.Length; i++)
            {
                channel[i] *= 20;
            }
        }

        ReferenceMatcher.Match(source, hot).CeilingDbtp.ShouldBe(-0.3);
    }

    [Fact]
    public void Mono_reference_matches_tone_and_leaves_width_alone()
    {
        var source = MatchSignals.Noise(48000, 10, darkness: 0.9, seed: 10);
        var reference = MatchSignals.Noise(44100, 10, darkness: 0.2, seed: 11, channels: 1);
        var match = ReferenceMatcher.Match(source, reference);
        match.WidthCurveDb.ShouldBeNull();
        match.Rules.Single(r => r.Name == "reference-width").Reason.ShouldContain("mono");
        var master = Master(source, match);
        master.ChannelCount.ShouldBe(2);
        master.SampleRate.ShouldBe(48000);
        master.Length.ShouldBe(source.Length);
        (TonalDistance.MidRmsDb(master, reference) / TonalDistance.MidRmsDb(source, reference)).ShouldBeLessThan(0.35);
    }

    [Fact]
    public void Mono_source_keeps_one_channel()
    {
        var source = MatchSignals.Noise(44100, 10, darkness: 0.9, seed: 12, channels: 1);
        var reference = MatchSignals.Noise(48000, 10, darkness: 0.2, seed: 13);
        var master = Master(source, ReferenceMatcher.Match(source, reference));
        master.ChannelCount.ShouldBe(1);
        master.Length.ShouldBe(source.Length);
    }

    [Fact]
    public void Silent_reference_is_refused_with_its_code()
    {
        var source = MatchSignals.Noise(44100, 10);
        var error = Should.Throw<ReferenceTrackException>(() => ReferenceMatcher.Match(source, AudioBuffer.Silent(44100, 2, 44100 * 10)));
        error.Problem.ShouldBe(ReferenceProblem.ReferenceSilent);
        error.Message.ShouldContain("silent");

        var file = Path.Combine(dir, "silent.wav");
        WavWriter.Write(file, AudioBuffer.Silent(44100, 2, 44100 * 10));
        Should.Throw<ReferenceTrackException>(() => ReferenceMatcher.Match(source, file)).Problem.ShouldBe(ReferenceProblem.ReferenceSilent);
    }

    [Fact]
    public void Short_reference_is_refused_with_its_code()
    {
        var source = MatchSignals.Noise(44100, 10);
        var error = Should.Throw<ReferenceTrackException>(() => ReferenceMatcher.Match(source, MatchSignals.Noise(44100, 3)));
        error.Problem.ShouldBe(ReferenceProblem.ReferenceTooShort);
        error.Message.ShouldContain("5 seconds");
    }

    [Fact]
    public void Undecodable_reference_is_refused_with_its_code()
    {
        var source = MatchSignals.Noise(44100, 10);
        var file = Path.Combine(dir, "notes.wav");
        File.WriteAllText(file, "these are my lyrics, not audio");
        var error = Should.Throw<ReferenceTrackException>(() => ReferenceMatcher.Match(source, file));
        error.Problem.ShouldBe(ReferenceProblem.ReferenceUndecodable);
        error.Message.ShouldContain("could not be read");
    }
}
