using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Testing;
using AiMastering.Tests.Mastering;

namespace AiMastering.Tests.Encoding;

/// <summary>
/// A long track's master is never in memory (the engine's long-track path), so its preview is made from master.wav:
/// the listener must get the same preview as from the master in memory — same bytes when master.wav holds exactly
/// the rendered samples (16-bit), same true-peak verdict — and the engine must not offer a buffer it does not have.
/// </summary>
public sealed class PreviewFromWrittenMasterTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Preview_from_master_wav_equals_the_preview_from_the_master_in_memory()
    {
        var mix = MusicMixes.Create(dir, "armygeddon", 44100, 2, seconds: 45, gainDb: -10);
        var masterPath = Path.Combine(dir, "master.wav");
        var settings = MasteringSettings.Default with { BitDepth = 16 };
        var encoder = new Mp3PreviewEncoder();
        Task<Mp3PreviewResult>? fromMemory = null;
        var observer = new MasteringCallbacks((master, _) =>
            fromMemory = encoder.EncodeAsync(master, Path.Combine(dir, "memory.mp3"), settings.Target.TruePeakDbtp, Ct));
        MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = masterPath, Settings = settings, Observer = observer }, Ct);
        var memory = await fromMemory!;

        var file = await encoder.EncodeAsync(masterPath, Path.Combine(dir, "file.mp3"), settings.Target.TruePeakDbtp, Ct);

        file.Segments.ShouldBe(memory.Segments);
        file.Segments.ShouldBeGreaterThan(1, "the parts read the file in parallel");
        file.Encodes.ShouldBe(memory.Encodes);
        file.TruePeakDbtp.ShouldBe(memory.TruePeakDbtp, "the true peak measured while decoding equals the decoded buffer's");
        file.GainDb.ShouldBe(memory.GainDb);
        (await File.ReadAllBytesAsync(Path.Combine(dir, "file.mp3"), Ct)).ShouldBe(await File.ReadAllBytesAsync(Path.Combine(dir, "memory.mp3"), Ct));
    }

    [Fact]
    public async Task On_the_long_track_path_the_preview_starts_from_the_written_file()
    {
        var mix = MusicMixes.Create(dir, "chaos_god", 48000, 2, seconds: 25, gainDb: -12);
        var masterPath = Path.Combine(dir, "master.wav");
        var previewPath = Path.Combine(dir, "preview.mp3");
        var rendered = false;
        Task<Mp3PreviewResult>? preview = null;

        MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = masterPath, TempFolder = dir, LongTrackBytes = 0, Observer = new MasteringCallbacks((_, _) => rendered = true, path => preview = new Mp3PreviewEncoder().EncodeAsync(path, previewPath, MasteringSettings.Default.Target.TruePeakDbtp, Ct)) }, Ct);
        var figures = await preview.ShouldNotBeNull();

        rendered.ShouldBeFalse("the long-track path has no master buffer to hand over");
        figures.TruePeakDbtp.ShouldBeLessThanOrEqualTo(MasteringSettings.Default.Target.TruePeakDbtp);
        (await PlayerDecode.DecodeAsync(previewPath, Ct)).Length.ShouldBe(AudioDecoder.Decode(masterPath).Length);
    }
}
