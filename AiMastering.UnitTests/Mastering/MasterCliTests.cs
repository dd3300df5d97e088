using System.Text.Json;
using AiMastering.Cli;
using AiMastering.Engine.Encoding;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Mastering;

public sealed class MasterCliTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Master_writes_the_master_and_the_documents_and_prints_before_and_after()
    {
        var input = Path.Combine(dir, "mix.wav");
        WavWriter.Write(input, TestAudioFiles.Music(44100, 6), 24);
        var output = Path.Combine(dir, "out", "master.wav");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CliApp.Run(["master", input, "-o", output, "--lufs", "-16", "--true-peak", "-1.5", "--style", "warm", "--bit-depth", "16", "--json-dir", dir], stdout, stderr);

        code.ShouldBe(0, stderr.ToString());
        var text = stdout.ToString();
        text.ShouldContain("Integrated");
        text.ShouldContain("-16.0 LUFS, -1.5 dBTP (custom)");
        File.Exists(output).ShouldBeTrue();
        using var decision = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "decision.json")));
        decision.RootElement.GetProperty("target").GetProperty("lufs").GetDouble().ShouldBe(-16);
        File.Exists(Path.Combine(dir, "report.json")).ShouldBeTrue();
        File.Exists(Path.Combine(dir, "analysis.json")).ShouldBeTrue();
    }

    [Fact]
    public void Master_to_a_folder_or_an_unwritable_place_says_so_without_a_stack_trace()
    {
        var input = Path.Combine(dir, "mix.wav");
        WavWriter.Write(input, TestAudioFiles.Music(44100, 3), 24);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        CliApp.Run(["master", input, "-o", dir], stdout, stderr).ShouldBe(ExitCodes.BadArguments);
        stderr.ToString().ShouldContain("is a folder");

        var blocker = Path.Combine(dir, "not-a-folder");
        File.WriteAllText(blocker, "");
        using var stderr2 = new StringWriter();
        CliApp.Run(["master", input, "-o", Path.Combine(blocker, "master.wav")], stdout, stderr2).ShouldBe(ExitCodes.CannotWrite);
        stderr2.ToString().ShouldStartWith("Cannot write the master");
        stderr2.ToString().ShouldNotContain("   at ");
    }

    [Fact]
    public void Master_creates_the_output_folder()
    {
        var input = Path.Combine(dir, "mix.wav");
        WavWriter.Write(input, TestAudioFiles.Music(44100, 3), 24);
        var output = Path.Combine(dir, "new", "folder", "master.wav");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        CliApp.Run(["master", input, "-o", output], stdout, stderr).ShouldBe(ExitCodes.Ok, stderr.ToString());
        File.Exists(output).ShouldBeTrue();
    }

    [Fact]
    public void Master_refuses_a_target_and_custom_loudness_together()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        CliApp.Run(["master", "x.wav", "-o", "y.wav", "--target", "club", "--lufs", "-9"], stdout, stderr).ShouldBe(ExitCodes.BadArguments);
    }
}
