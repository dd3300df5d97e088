using System.CommandLine;
using System.Text.Json;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Worker.Pipeline;

namespace AiMastering.Cli;

/// <summary>`aimaster analyze FILE [--json]`: a human summary, or the full analysis.json.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "WAV, AIFF or FLAC file to analyze" };
        var json = new Option<bool>("--json") { Description = "Print the full analysis as JSON (analysis.json)" };
        var command = new Command("analyze", "Measure loudness, true peak, dynamics, tonal balance, stereo image and problems")
        {
            file,
            json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return Execute(parse.GetRequiredValue(file), parse.GetValue(json), output, error);
        });
        return command;
    }

    public static int Execute(string path, bool json, TextWriter output, TextWriter error)
    {
        AudioAnalysis analysis;
        try
        {
            analysis = Analyzer.Analyze(AudioDecoder.Decode(path));
        }
        catch (AudioDecodeException e)
        {
            error.WriteLine($"{path}: {DecodeErrorMapping.Describe(DecodeErrorMapping.ToJobFailure(e))}");
            return ExitCodes.UnusableAudio;
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(analysis, EngineJsonContext.Default.AudioAnalysis));
        }
        else
        {
            AnalysisSummary.Write(analysis, Path.GetFileName(path), output);
        }

        return ExitCodes.Ok;
    }
}
