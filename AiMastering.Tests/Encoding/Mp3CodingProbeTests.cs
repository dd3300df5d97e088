using AiMastering.Engine;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Testing;
using AiMastering.Tests.Matching;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Encoding;

/// <summary>
/// The coding overshoot measured on a sample of a loud master: the windows sit where the lowpassed master peaks in
/// each stretch of the track, the sample is the preview's own audio (its true peak cannot exceed the whole preview's),
/// and a bright loud master — the case a fixed allowance missed — is previewed under the ceiling with one encode.
/// </summary>
public sealed class Mp3CodingProbeTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(48_000, 48_000)]
    [InlineData(44_100, 44_100)]
    [InlineData(96_000, 48_000)]
    public void Windows_are_centred_on_the_loudest_block_of_each_stretch(int masterRate, int previewRate)
    {
        const int BlockSamples = 16_384;
        var length = masterRate * 300;
        var plan = Mp3SegmentPlan.Create(masterRate, length, previewRate, 2);
        var blocks = new float[(length + BlockSamples - 1) / BlockSamples];
        var random = new Random(7);
        for (var b = 0; b < blocks.Length; b++)
        {
            blocks[b] = 0.5f + (0.4f * random.NextSingle());
        }

        var windows = Mp3CodingProbe.Windows(plan, new LowpassedPeaks(0, blocks, BlockSamples));

        windows.Count.ShouldBe(Mp3CodingProbe.MaxWindows);
        var frames = plan.PreviewLength / Mp3FrameHeader.SamplesPerFrame;
        for (var r = 0; r < windows.Count; r++)
        {
            var w = windows[r];
            (w.MeasureFrom - w.FedFrom).ShouldBeInRange(0, Mp3CodingProbe.WarmUpFrames);
            (w.MeasureUntil - w.MeasureFrom, w.FedUntil - w.MeasureUntil).ShouldBe((Mp3CodingProbe.MeasuredFrames, Mp3CodingProbe.TailFrames));
            w.FedUntil.ShouldBeLessThanOrEqualTo((int)frames);
            var from = blocks.Length * r / windows.Count;
            var loudest = Array.IndexOf(blocks, blocks[from..(blocks.Length * (r + 1) / windows.Count)].Max(), from);
            var centre = ((long)loudest * BlockSamples) + (BlockSamples / 2);
            var measured = (First: (long)w.MeasureFrom * Mp3FrameHeader.SamplesPerFrame * masterRate / previewRate, Last: (long)w.MeasureUntil * Mp3FrameHeader.SamplesPerFrame * masterRate / previewRate);
            centre.ShouldBeInRange(measured.First, measured.Last, $"window {r} holds the loudest block of its stretch");
        }
    }

    [Fact]
    public void Stretches_proven_under_the_floor_get_no_window_and_a_short_master_none_at_all()
    {
        var plan = Mp3SegmentPlan.Create(48_000, 48_000 * 300, 48_000, 2);
        var blocks = new float[(plan.MasterLength + 16_383) / 16_384];
        blocks[100] = 0.9f;

        Mp3CodingProbe.Windows(plan, new LowpassedPeaks(0, blocks, 16_384)).Count.ShouldBe(1);
        var shortPlan = Mp3SegmentPlan.Create(48_000, 48_000 * 2, 48_000, 1);
        Mp3CodingProbe.Windows(shortPlan, new LowpassedPeaks(0, [0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f], 16_384)).ShouldBeEmpty();
    }

    // A bright loud 48 kHz master, the plan of its 2-part preview and its lowpassed peaks (every block measured).
    private async Task<(AudioBuffer Master, BufferAudio Source, Mp3SegmentPlan Plan, LowpassedPeaks Lowpassed)> ProbeInputsAsync(string song)
    {
        var (master, _) = BrightLoudMaster(song, 48_000);
        var source = new BufferAudio(master);
        var plan = Mp3SegmentPlan.Create(master.SampleRate, master.Length, 48_000, 2);
        var lowpassed = await new Mp3PeakPredictor(master.SampleRate, plan.PreviewRate).ProfileAsync(() => source, master.Length, master.ChannelCount, double.NegativeInfinity, Ct);
        return (master, source, plan, lowpassed);
    }

    [Fact]
    public async Task In_process_probe_measures_what_the_ffmpeg_probe_measures()
    {
        var (master, source, plan, lowpassed) = await ProbeInputsAsync("mutilated_mime");

        var inProcess = await new Mp3CodingProbe("/nonexistent/ffmpeg", inProcess: true).MeasureAsync(() => source, plan, master.ChannelCount, lowpassed, Ct);
        var ffmpeg = await new Mp3CodingProbe("ffmpeg").MeasureAsync(() => source, plan, master.ChannelCount, lowpassed, Ct);

        TestContext.Current.TestOutputHelper?.WriteLine($"sample {inProcess.SampledPeakDbtp:0.0000} / {ffmpeg.SampledPeakDbtp:0.0000} dBTP, {inProcess.Seconds:0.00} / {ffmpeg.Seconds:0.00} s wall");
        (inProcess.Windows, inProcess.SampledFraction).ShouldBe((ffmpeg.Windows, ffmpeg.SampledFraction));
        inProcess.SampledPeakDbtp.ShouldBe(ffmpeg.SampledPeakDbtp, 1e-4, "the same frames, decoded within float rounding");
        inProcess.OvershootDb.ShouldBe(ffmpeg.OvershootDb, 1e-4);
    }

    [Fact]
    public async Task Sample_is_the_previews_own_audio()
    {
        var (master, source, plan, lowpassed) = await ProbeInputsAsync("armygeddon");

        var probe = await new Mp3CodingProbe("ffmpeg").MeasureAsync(() => source, plan, master.ChannelCount, lowpassed, Ct);
        var preview = await new Mp3PreviewEncoder().EncodeAsync(master, Path.Combine(dir, "preview.mp3"), ceilingDbtp: 20, segments: 2, Ct, predictPeak: false);

        TestContext.Current.TestOutputHelper?.WriteLine($"lowpassed {lowpassed.TruePeakDbtp:0.00}, sample {probe.SampledPeakDbtp:0.00} ({probe.Windows} windows, {probe.SampledSeconds:0.0} s, {probe.Seconds:0.00} s wall), preview {preview.TruePeakDbtp:0.00} dBTP");
        probe.Windows.ShouldBe(Mp3CodingProbe.MaxWindows);
        probe.SampledPeakDbtp.ShouldBeGreaterThan(lowpassed.TruePeakDbtp - 0.5, "the windows hold the loudest peaks");
        probe.SampledPeakDbtp.ShouldBeLessThanOrEqualTo(preview.TruePeakDbtp + 0.01, "the windows are the preview's own frames");
    }

    // armygeddon bright (48 kHz) is the known miss: the sample's peak is 0.18 dB under the preview's, the fixed allowance
    // 0.1 dB, and it needs the second encode (Encoding/README.md).
    [Theory]
    [InlineData("chaos_god", 44_100)]
    [InlineData("mutilated_mime", 48_000)]
    public async Task Bright_loud_master_preview_is_under_the_ceiling_in_one_encode(string song, int rate)
    {
        var (master, ceiling) = BrightLoudMaster(song, rate);
        var path = Path.Combine(dir, "preview.mp3");

        var result = await new Mp3PreviewEncoder().EncodeAsync(master, path, ceiling, Ct);

        var oracle = FfmpegLoudness.Measure(path).TruePeakDbtp;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{song} {rate} Hz bright: predicted {result.PredictedTruePeakDbtp:0.00}, gain {result.GainDb:0.00} dB, {result.Encodes} encode(s), probe {result.ProbeWindows} windows {result.ProbeSeconds:0.00} s, true peak {result.TruePeakDbtp:0.00} (ffmpeg {oracle:0.0}) dBTP");
        result.ProbeWindows.ShouldBeGreaterThan(0);
        result.Encodes.ShouldBe(1);
        oracle.ShouldBeLessThanOrEqualTo(ceiling, "under the ceiling by ffmpeg (0.1 dB steps)");
        result.TruePeakDbtp.ShouldBeInRange(ceiling - 0.3, ceiling, "and not needlessly quieter");
    }

    // 45 s of a mix made bright (treble +5 dB from 4 kHz), mastered loud (club: −8 LUFS at −0.5 dBTP).
    private (AudioBuffer Master, double Ceiling) BrightLoudMaster(string song, int rate)
    {
        var mix = MatchingMusic.Make(dir, song, MatchingMusic.LoudBright, rate);
        var settings = CatalogSettings.For("club");
        var result = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "master.wav"), Settings = settings, JsonDirectory = dir }, Ct);
        return (result.Master.ShouldNotBeNull(), settings.Target.TruePeakDbtp);
    }
}
