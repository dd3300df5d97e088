using System.CommandLine;
using System.Globalization;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Matching;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Model.Catalog;
using AiMastering.Worker.Pipeline;

namespace AiMastering.Cli;

/// <summary>
/// `aimaster master IN -o OUT [--target T] [--lufs L --true-peak P] [--style S] [--intensity I] [--bit-depth 24|16]
/// [--width] [--reference REF [--amount P]] [--json-dir DIR]`: writes the master and prints the before/after figures; analysis.json, decision.json
/// and report.json go to --json-dir (default: the folder of OUT).
/// </summary>
public static class MasterCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "Mix to master (WAV, AIFF or FLAC)" };
        var output = new Option<string>("--output", "-o") { Description = "master.wav to write", Required = true };
        var target = new Option<string?>("--target") { Description = $"{Choices(LoudnessPresets.All.Select(p => p.Id))} (default {LoudnessPresets.Default.Id})" };
        target.AcceptOnlyFromAmong([.. LoudnessPresets.All.Select(p => p.Id)]);
        var lufs = new Option<double?>("--lufs") { Description = $"Custom integrated loudness target, {Range(Limits.Lufs)} LUFS" };
        var truePeak = new Option<double?>("--true-peak") { Description = $"Custom true-peak ceiling, {Range(Limits.TruePeakDbtp)} dBTP" };
        var style = new Option<string>("--style") { Description = Choices(MasteringStyles.All.Select(s => s.Id)), DefaultValueFactory = _ => MasteringStyles.Default.Id };
        style.AcceptOnlyFromAmong([.. MasteringStyles.All.Select(s => s.Id)]);
        var intensity = new Option<string>("--intensity") { Description = Choices(Intensities.All.Select(i => i.Id)), DefaultValueFactory = _ => Intensities.Default.Id };
        intensity.AcceptOnlyFromAmong([.. Intensities.All.Select(i => i.Id)]);
        var bitDepth = new Option<int>("--bit-depth") { Description = $"{string.Join(" or ", Limits.BitDepths)} (16 is TPDF-dithered)", DefaultValueFactory = _ => Limits.BitDepths[0] };
        var width = new Option<bool>("--width") { Description = "Allow a gentle side lift when the mix is narrow" };
        var reference = new Option<string?>("--reference") { Description = "Reference track to match (tonal balance, width, loudness)" };
        var amount = new Option<double>("--amount") { Description = $"How far to match the reference, {Range(Limits.Amount)} %", DefaultValueFactory = _ => Limits.DefaultAmount };
        var jsonDir = new Option<string?>("--json-dir") { Description = "Folder for analysis.json, decision.json, report.json (default: next to OUT)" };
        var command = new Command("master", "Master a mix: loudness target, true-peak ceiling, tone and dynamics, every move explained")
        {
            input, output, target, lufs, truePeak, style, intensity, bitDepth, width, reference, amount, jsonDir,
        };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var e = parse.InvocationConfiguration.Error;
            var custom = parse.GetValue(lufs) is not null || parse.GetValue(truePeak) is not null;
            if (custom && parse.GetValue(target) is not null)
            {
                e.WriteLine("Use either --target or --lufs/--true-peak.");
                return ExitCodes.BadArguments;
            }

            // The same options, checks and mapping as a job's: a custom target needs both numbers, the default fills the other.
            var options = new JobOptions
            {
                Target = parse.GetValue(target),
                Lufs = custom ? parse.GetValue(lufs) ?? LoudnessPresets.Default.Lufs : null,
                TruePeakDbtp = custom ? parse.GetValue(truePeak) ?? LoudnessPresets.Default.TruePeakDbtp : null,
                Style = parse.GetValue(style),
                Intensity = parse.GetValue(intensity),
                BitDepth = parse.GetValue(bitDepth),
                Width = parse.GetValue(width),
                Amount = parse.GetValue(amount),
            };
            var referencePath = parse.GetValue(reference);
            if (referencePath is not null)
            {
                options = options.ForReference();
            }

            var problems = JobOptionsValidator.Validate(options);
            if (problems.Count > 0)
            {
                e.WriteLine(string.Join(" ", problems.Values.SelectMany(m => m)));
                return ExitCodes.BadArguments;
            }

            options = options.Normalize();
            var settings = SettingsMapping.ToSettings(options);
            var outPath = parse.GetRequiredValue(output);
            if (Directory.Exists(outPath))
            {
                e.WriteLine($"{outPath} is a folder: -o takes the master's file name, e.g. {Path.Combine(outPath, "master.wav")}.");
                return ExitCodes.BadArguments;
            }

            var platformLufs = SettingsMapping.PlatformTargetLufs(options);
            var inPath = parse.GetRequiredValue(input);
            var jsonDirectory = parse.GetValue(jsonDir) ?? Path.GetDirectoryName(Path.GetFullPath(outPath))!;
            var request = new MasteringRequest
            {
                InputPath = inPath,
                OutputWavPath = outPath,
                Settings = settings,
                Reference = referencePath is null ? null : new ReferenceRequest(referencePath, new ReferenceMatchSettings(AmountPercent: parse.GetValue(amount)), platformLufs),
                JsonDirectory = jsonDirectory,
            };
            MasteringResult master() => MasteringEngine.Master(request);
            return Execute(inPath, outPath, jsonDirectory, master, o, e);
        });
        return command;
    }

    public static int Execute(string input, string output, string jsonDirectory, Func<MasteringResult> master, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(master);
        MasteringResult result;
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(output));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            Directory.CreateDirectory(jsonDirectory);
            result = master();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && !File.Exists(input))
        {
            stderr.WriteLine($"{input}: the file cannot be read ({e.Message}).");
            return ExitCodes.UnusableAudio;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Cannot write the master or its documents: {e.Message}");
            return ExitCodes.CannotWrite;
        }
        catch (AudioDecodeException e)
        {
            stderr.WriteLine($"{input}: {DecodeErrorMapping.Describe(DecodeErrorMapping.ToJobFailure(e))}");
            return ExitCodes.UnusableAudio;
        }
        catch (ReferenceTrackException e)
        {
            stderr.WriteLine($"reference: {DecodeErrorMapping.Describe(DecodeErrorMapping.ToReferenceFailure(e))}");
            return ExitCodes.UnusableAudio;
        }

        var b = result.Report.Before;
        var a = result.Report.After;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Target          {result.Decision.Target.Lufs:0.0} LUFS, {result.Decision.Target.TruePeakDbtp:0.0} dBTP ({result.Decision.Target.Source})"));
        stdout.WriteLine("                before     after");
        Row(stdout, "Integrated", b.IntegratedLufs, a.IntegratedLufs, "LUFS");
        Row(stdout, "True peak", b.TruePeakDbtp, a.TruePeakDbtp, "dBTP");
        Row(stdout, "Loudness range", b.RangeLu, a.RangeLu, "LU");
        Row(stdout, "PLR", b.PlrDb, a.PlrDb, "dB");
        Row(stdout, "Crest factor", b.CrestFactorDb, a.CrestFactorDb, "dB");
        stdout.WriteLine($"Renders         {result.Report.Iterations.Count}");
        stdout.WriteLine("Chain           " + string.Join(" → ", result.Decision.Chain.Select(c => c.Processor)));
        foreach (var w in result.Decision.Warnings)
        {
            stdout.WriteLine("Warning         " + w);
        }

        foreach (var p in result.Report.Explanation)
        {
            stdout.WriteLine("  " + p);
        }

        stdout.WriteLine($"Wrote {output} and {MasteringArtifacts.AnalysisFile}, {MasteringArtifacts.DecisionFile}, {MasteringArtifacts.ReportFile} in {jsonDirectory}");
        return ExitCodes.Ok;
    }

    private static string Choices(IEnumerable<string> ids) => string.Join(" | ", ids);

    private static string Range(ValueRange range) => string.Create(CultureInfo.InvariantCulture, $"{range.Min}…{range.Max}");

    private static void Row(TextWriter w, string name, double? before, double? after, string unit) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-15} {Format(before),8}  {Format(after),8} {unit}"));

    private static string Format(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "-inf";
}
