using System.CommandLine;
using System.Globalization;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Matching;
using AiMastering.Worker.Pipeline;

namespace AiMastering.Cli;

/// <summary>
/// `aimaster match IN REF -o OUT [--amount P] [--target-lufs L]`: masters IN toward the sound of REF
/// (match EQ, width, loudness, true-peak ceiling) through the mastering engine with default settings, writes a
/// 24-bit WAV at IN's rate, and prints the match's decisions.
/// </summary>
public static class MatchCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "The mix to master (WAV, AIFF or FLAC)" };
        var reference = new Argument<string>("reference") { Description = "The record it should sound like" };
        var output = new Option<string>("--output", "-o") { Description = "Master WAV to write", Required = true };
        var amount = new Option<double>("--amount") { Description = "How closely to follow the reference, 0–100 %", DefaultValueFactory = _ => 100 };
        var target = new Option<double?>("--target-lufs") { Description = "Platform loudness target (wins over the reference's loudness)" };
        var command = new Command("match", "Master a mix to sound like a reference track")
        {
            input,
            reference,
            output,
            amount,
            target,
        };
        command.SetAction(parse => Execute(
            parse.GetRequiredValue(input),
            parse.GetRequiredValue(reference),
            parse.GetRequiredValue(output),
            parse.GetValue(amount),
            parse.GetValue(target),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Execute(string input, string reference, string output, double amount, double? targetLufs, TextWriter stdout, TextWriter stderr)
    {
        if (amount is < 0 or > 100)
        {
            stderr.WriteLine("--amount must be between 0 and 100.");
            return ExitCodes.UnusableAudio;
        }

        try
        {
            var result = MasteringEngine.Master(new MasteringRequest
            {
                InputPath = input,
                OutputWavPath = output,
                Reference = new ReferenceRequest(reference, new ReferenceMatchSettings(AmountPercent: amount), targetLufs),
            });
            foreach (var rule in result.Match!.Rules)
            {
                stdout.WriteLine($"{rule.Name}: {rule.Reason}");
            }

            // The master's own analysis (a long track's master is only in the file).
            var master = result.After;
            var after = master.Loudness;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"master: {output} ({after.IntegratedLufs:0.0} LUFS, {after.TruePeakDbtp:0.0} dBTP, {master.SampleRate} Hz, {master.Channels} ch)"));
            return ExitCodes.Ok;
        }
        catch (AudioDecodeException e)
        {
            stderr.WriteLine($"{input}: {DecodeErrorMapping.Describe(DecodeErrorMapping.ToJobFailure(e))}");
            return ExitCodes.UnusableAudio;
        }
        catch (ReferenceTrackException e)
        {
            stderr.WriteLine($"{reference}: {DecodeErrorMapping.Describe(DecodeErrorMapping.ToReferenceFailure(e))}");
            return ExitCodes.UnusableAudio;
        }
    }
}
