using System.Globalization;
using AiMastering.Engine.Encoding;
using AiMastering.Testing;
using AiMastering.UnitTests.Infrastructure;

namespace AiMastering.Tests.Encoding;

/// <summary>Alone in its collection, so that no other test's ffmpeg is mistaken for a leftover of these.</summary>
[CollectionDefinition(nameof(FfmpegChildProcesses), DisableParallelization = true)]
public sealed class FfmpegChildProcesses;

/// <summary>
/// With the codecs in ffmpeg processes (where libmp3lame or libmpg123 is not there, or the master needs resampling):
/// ffmpeg failing or missing gives an error that says so; a cancelled preview leaves no ffmpeg running and no
/// part file behind; when one side of the pipes fails, that failure is reported, not the other side's broken pipe.
/// In process, a cancelled preview stops and leaves nothing behind too.
/// </summary>
[Collection(nameof(FfmpegChildProcesses))]
public sealed class Mp3PreviewProcessTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Missing_ffmpeg_is_named_in_the_error()
    {
        var master = PreviewSignals.Synthetic(48000, 2, seconds: 3);

        var error = await Should.ThrowAsync<FfmpegException>(() =>
            new Mp3PreviewEncoder("/nonexistent/ffmpeg", Mp3Codecs.Ffmpeg).EncodeAsync(master, Path.Combine(dir, "preview.mp3"), -1, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("/nonexistent/ffmpeg");
        error.Message.ShouldContain("could not be started");
    }

    [Fact]
    public async Task Failing_ffmpeg_gives_its_exit_code()
    {
        var master = PreviewSignals.Synthetic(48000, 2, seconds: 45);

        var error = await Should.ThrowAsync<FfmpegException>(() =>
            new Mp3PreviewEncoder("/bin/false", Mp3Codecs.Ffmpeg).EncodeAsync(master, Path.Combine(dir, "preview.mp3"), -1, segments: 2, TestContext.Current.CancellationToken));

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
        var encode = new Mp3PreviewEncoder(codecs: Mp3Codecs.Ffmpeg).EncodeAsync(master, path, -1, segments: 2, cancel.Token);
        await Eventually.TrueAsync(() => FfmpegChildren().Count == 2, TimeSpan.FromSeconds(10)); // both parts are being encoded

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => encode);
        FfmpegChildren().ShouldBeEmpty();
        Directory.GetFiles(dir).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelled_in_process_preview_stops_within_a_block_and_leaves_no_file()
    {
        var master = PreviewSignals.Synthetic(48000, 2, seconds: 90);
        var path = Path.Combine(dir, "preview.mp3");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var encoder = new Mp3PreviewEncoder();
        encoder.InProcess.ShouldBeTrue("libmp3lame0 and libmpg123-0 are installed by scripts/install-deps.sh");
        var encode = encoder.EncodeAsync(master, path, -1, segments: 2, cancel.Token);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        encode.IsCompleted.ShouldBeFalse("90 s of audio take longer than 0.3 s to encode");
        FfmpegChildren().ShouldBeEmpty("LAME runs in this process");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => encode);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "each part checks between blocks of 8 frames");
        Directory.GetFiles(dir).ShouldBeEmpty();
        FfmpegChildren().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_reader_is_reported_not_the_broken_pipe_it_causes()
    {
        // The reader's failure kills ffmpeg, whose stdin then breaks under the writer: the reader's error is the cause.
        var chunk = new byte[1 << 16];

        var error = await Should.ThrowAsync<InvalidDataException>(() => FfmpegProcess.RunAsync(
            "ffmpeg",
            ["-f", "f32le", "-ar", "48000", "-ac", "2", "-i", "pipe:0", "-f", "f32le", "pipe:1"],
            "copy audio",
            (stdin, token) =>
            {
                for (var i = 0; i < 4000; i++)
                {
                    stdin.Write(chunk);
                }
            },
            (stdout, _) =>
            {
                stdout.ReadExactly(new byte[4096]);
                throw new InvalidDataException("the decoded audio does not add up");
            },
            TestContext.Current.CancellationToken));

        error.Message.ShouldBe("the decoded audio does not add up");
        FfmpegChildren().ShouldBeEmpty();
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
