using AiMastering.Cli;
using AiMastering.Engine;
using AiMastering.Engine.Encoding;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Cli;

/// <summary>The CLI names a problem with the code the API reports for the same file (<c>empty_file</c>), after the sentence.</summary>
public sealed class CliErrorCodeTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("analyze")]
    [InlineData("master")]
    public void An_empty_file_is_reported_with_the_api_code(string command)
    {
        var input = Path.Combine(dir, "empty.wav");
        File.WriteAllBytes(input, []);
        string[] args = command == "master" ? ["master", input, "-o", Path.Combine(dir, "master.wav")] : ["analyze", input];
        using var error = new StringWriter();

        CliApp.Run(args, TextWriter.Null, error).ShouldBe(ExitCodes.UnusableAudio);

        error.ToString().ShouldEndWith("[empty_file]" + Environment.NewLine);
        error.ToString().ShouldNotContain("EmptyFile");
    }

    [Fact]
    public void A_silent_reference_is_reported_with_the_api_reference_code()
    {
        var input = Path.Combine(dir, "mix.wav");
        WavWriter.Write(input, TestAudioFiles.Music(44100, 6), 24);
        var reference = Path.Combine(dir, "silent.wav");
        WavWriter.Write(reference, AudioBuffer.Silent(44100, 2, 44100 * 6), 24);
        using var error = new StringWriter();

        var code = CliApp.Run(["master", input, "-o", Path.Combine(dir, "master.wav"), "--reference", reference, "--json-dir", dir], TextWriter.Null, error);

        code.ShouldBe(ExitCodes.UnusableAudio);
        error.ToString().ShouldStartWith("reference: The reference track is silent.");
        error.ToString().ShouldEndWith("[reference_silent]" + Environment.NewLine);
    }
}
