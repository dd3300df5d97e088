using AiMastering.Cli;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Matching;

public sealed class MatchCliTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Match_command_writes_a_master_at_the_source_rate_and_explains_it()
    {
        var input = Path.Combine(dir, "mix.wav");
        var reference = Path.Combine(dir, "reference.wav");
        var master = Path.Combine(dir, "master.wav");
        WavWriter.Write(input, MatchSignals.Noise(44100, 8, darkness: 0.9, seed: 20));
        WavWriter.Write(reference, MatchSignals.Noise(48000, 8, darkness: 0.2, seed: 21));
        var output = new StringWriter();
        var error = new StringWriter();

        CliApp.Run(["match", input, reference, "-o", master, "--amount", "50"], output, error).ShouldBe(ExitCodes.Ok, error.ToString());

        var audio = AudioDecoder.Decode(master);
        audio.SampleRate.ShouldBe(44100);
        output.ToString().ShouldContain("reference-eq:");
        output.ToString().ShouldContain("amount 50 %");
    }

    [Fact]
    public void Match_command_names_an_unusable_reference()
    {
        var input = Path.Combine(dir, "mix.wav");
        var reference = Path.Combine(dir, "short.wav");
        WavWriter.Write(input, MatchSignals.Noise(44100, 8));
        WavWriter.Write(reference, MatchSignals.Noise(44100, 2));
        var error = new StringWriter();

        CliApp.Run(["match", input, reference, "-o", Path.Combine(dir, "m.wav")], new StringWriter(), error).ShouldBe(ExitCodes.UnusableAudio);

        error.ToString().ShouldContain("[reference_too_short]");
    }
}
