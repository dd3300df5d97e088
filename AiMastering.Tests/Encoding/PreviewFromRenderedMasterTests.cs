using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Testing;
using AiMastering.Tests.Mastering;

namespace AiMastering.Tests.Encoding;

/// <summary>
/// The preview starts from the rendered master before master.wav is written, and what it encodes is exactly what
/// master.wav holds: the preview plays back at master.wav's length, aligned, under the ceiling.
/// </summary>
public sealed class PreviewFromRenderedMasterTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Preview_started_from_the_rendered_master_matches_master_wav()
    {
        var mix = MusicMixes.Create(dir, "mutilated_mime", 44100, 2, seconds: 25, gainDb: -10);
        var masterPath = Path.Combine(dir, "master.wav");
        var previewPath = Path.Combine(dir, "preview.mp3");
        var settings = MasteringSettings.Default;
        float[][]? atCallback = null;
        var wavExistedAtCallback = true;
        Task<Mp3PreviewResult>? preview = null;

        var observer = new MasteringCallbacks((master, _) =>
        {
            wavExistedAtCallback = File.Exists(masterPath);
            atCallback = [.. master.Channels.Select(c => c.ToArray())];
            preview = new Mp3PreviewEncoder().EncodeAsync(master, previewPath, settings.Target.TruePeakDbtp, segments: 2, Ct);
        });
        var result = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = masterPath, Settings = settings, Observer = observer }, Ct);
        var figures = await preview!;

        wavExistedAtCallback.ShouldBeFalse("the preview can start before master.wav is written");
        for (var c = 0; c < 2; c++)
        {
            result.Master.ShouldNotBeNull().Channels[c].AsSpan().SequenceEqual(atCallback![c]).ShouldBeTrue("the master is not changed after the callback");
        }

        var wav = AudioDecoder.Decode(masterPath);
        var heard = await PlayerDecode.DecodeAsync(previewPath, Ct);
        heard.Length.ShouldBe(wav.Length);
        figures.TruePeakDbtp.ShouldBeLessThanOrEqualTo(settings.Target.TruePeakDbtp);
        for (var c = 0; c < 2; c++)
        {
            MaxDifference(wav.Channels[c], atCallback![c]).ShouldBeLessThan(1.0 / (1 << 23), "master.wav holds the samples the preview was made from (24-bit)");
            CrossCorrelation.PeakLag(wav.Channels[c][44100..88200], heard.Channels[c][44100..88200], maxLag: 1200).ShouldBe(0);
        }
    }

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();
}
