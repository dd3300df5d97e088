using System.Globalization;
using AiMastering.Engine.Encoding;

namespace AiMastering.Tests.Encoding;

/// <summary>Alone in its collection, so that no other test's ffmpeg is mistaken for a leftover of these.</summary>
[CollectionDefinition(nameof(FfmpegChildProcesses), DisableParallelization = true)]
public sealed class FfmpegChildProcesses;

/// <summary>
/// ffmpeg failing or missing gives an error that says so; a cancelled preview leaves no ffmpeg running and no
/// part file behind.
/// </summary>
[Collection(nameof(FfmpegChildProcesses))]
public sealed class Mp3PreviewProcessTests : IDisposable
{
    private readonly string dir = Decoding.TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Missing_ffmpeg_is_named_in_the_error()
    {
        var master = PreviewSignals.Synthetic(48000, 2, seconds: 3);

        var error = await Should.ThrowAsync<FfmpegException>(() =>
            new Mp3PreviewEncoder("/nonexistent/ffmpeg").EncodeAsync(master, Path.Combine(dir, "preview.mp3"), -1, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("/nonexistent/ffmpeg");
        error.Message.ShouldContain("could not be started");
    }

    [Fact]
    public async Task Failing_ffmpeg_gives_its_exit_code()
    {
        var master = PreviewSignals.Synthetic(48000, 2, seconds: 45);

        var error = await Should.ThrowAsync<FfmpegException>(() =>
            new Mp3PreviewEncoder("/bin/false").EncodeAsync(master, Path.Combine(dir, "preview.mp3"), -1, segments: 2, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("exit code 1");
        error.Message.ShouldContain("MP3 preview");
        FfmpegChildren().ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelled_preview_leaves_no_ffmpeg_and_no_part_file()
    {
        var master = PreviewSignals.Synthetic(48000, 2, seconds: 90);
        var path = Path.Combine(dir, "preview.mp3");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var encode = new Mp3PreviewEncoder().EncodeAsync(master, path, -1, segments: 2, cancel.Token);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        FfmpegChildren().Count.ShouldBe(2, "both parts are being encoded");

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => encode);
        FfmpegChildren().ShouldBeEmpty();
        Directory.GetFiles(dir).ShouldBeEmpty();
    }

    /// <summary>Child processes of this test process named ffmpeg (Linux /proc), zombies included.</summary>
    private static List<int> FfmpegChildren()
    {
        var me = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var children = new List<int>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue; // exited meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ppid …
            var close = text.LastIndexOf(')');
            var comm = text[(text.IndexOf('(') + 1)..close];
            var fields = text[(close + 2)..].Split(' ');
            if (comm == "ffmpeg" && fields[1] == me)
            {
                children.Add(int.Parse(text[..text.IndexOf(' ')], CultureInfo.InvariantCulture));
            }
        }

        return children;
    }
}
