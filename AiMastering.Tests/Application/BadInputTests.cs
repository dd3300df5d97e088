using AiMastering.Tests.Support;

namespace AiMastering.Tests.Application;

/// <summary>
/// Every kind of bad upload ends as a failed job within seconds, with a stable code and a sentence
/// a musician understands — and the worker goes on serving other jobs.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class BadInputTests(AppHostFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "empty", "empty_file", "empty" },
        { "header-only", "no_audio", "no audio" },
        { "truncated", "truncated_file", "cut off" },
        { "text", "not_audio", "does not contain audio" },
        { "mp3-as-wav", "format_mismatch", "MP3" },
        { "65535-channels", "invalid_header", "65535 channels" },
        { "4-gib-data", "invalid_header", "damaged" },
        { "silent", "silent_audio", "silent" },
        { "half-second", "too_short", "1 second" },
        { "three-channels", "too_many_channels", "stereo" },
        { "nan-samples", "non_finite_samples", "not numbers" },
        { "infinite-samples", "non_finite_samples", "infinite" },
        { "1000-hz", "unsupported_sample_rate", "1,000 Hz; mastering here takes 8 to 384 kHz" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_upload_fails_the_job_with_a_clear_message(string kind, string code, string messageFragment)
    {
        var client = new MasteringClient(app.Web);
        var bytes = await MakeAsync(kind);
        var (key, upload) = await client.UploadAsync($"{kind}.wav", "audio/wav", bytes, Ct, declaredSize: Math.Max(1, bytes.Length));
        upload.IsSuccessStatusCode.ShouldBeTrue();
        using var created = await client.CreateJobRawAsync(new { objectKey = key, fileName = $"{kind}.wav" }, Ct);
        created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync(Ct));
        var jobId = Guid.Parse((await created.Content.ReadAsStringAsync(Ct)).Split('"')[3]);

        var job = await client.WaitAsync(jobId, TimeSpan.FromSeconds(60), Ct);
        job["status"]!.GetValue<string>().ShouldBe("failed", job.ToJsonString());
        job["error"]!["code"]!.GetValue<string>().ShouldBe(code);
        job["error"]!["message"]!.GetValue<string>().ShouldContain(messageFragment, Case.Insensitive);
        job["attempts"]!.GetValue<int>().ShouldBe(1, "problems with the audio are not retried");
    }

    private static async Task<byte[]> MakeAsync(string kind)
    {
        const int rate = 44100;
        var tone = TestWav.Sine(rate, 2, 440, 0.3);
        switch (kind)
        {
            case "empty":
                return [];
            case "header-only":
                return TestWav.Riff(rate, 2, 16, 0, []);
            case "truncated":
                return TestWav.Riff(rate, 2, 16, rate * 4 * 10, new byte[rate * 4]);
            case "text":
                return System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("These are the lyrics, not the song. ", 500)));
            case "mp3-as-wav":
                var folder = Directory.CreateTempSubdirectory("aim-mp3").FullName;
                var wav = Path.Combine(folder, "a.wav");
                var mp3 = Path.Combine(folder, "a.mp3");
                await File.WriteAllBytesAsync(wav, TestWav.Pcm16(rate, [tone, tone]), Ct);
                await FfmpegMeter.RunAsync(["-hide_banner", "-y", "-i", wav, "-c:a", "libmp3lame", "-b:a", "192k", mp3], Ct);
                return await File.ReadAllBytesAsync(mp3, Ct);
            case "65535-channels":
                return TestWav.Riff(rate, unchecked((short)65535), 16, 4096, new byte[4096]);
            case "4-gib-data":
                return TestWav.Riff(rate, 2, 16, 0xFFFF_FFF0, new byte[rate * 4]);
            case "silent":
                return TestWav.Pcm16(rate, [new float[rate * 3], new float[rate * 3]]);
            case "half-second":
                var half = TestWav.Sine(rate, 0.5, 440, 0.3);
                return TestWav.Pcm16(rate, [half, half]);
            case "three-channels":
                return TestWav.Pcm16(rate, [tone, tone, tone]);
            case "nan-samples" or "infinite-samples":
                var samples = TestWav.Sine(rate, 4, 440, 0.3);
                samples[rate * 3] = kind == "nan-samples" ? float.NaN : float.PositiveInfinity;
                return TestWav.IeeeFloat(rate, 1, samples);
            case "1000-hz":
                var low = TestWav.Sine(1000, 5, 100, 0.3);
                return TestWav.Pcm16(1000, [low, low]);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
