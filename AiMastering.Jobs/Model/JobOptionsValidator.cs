namespace AiMastering.Jobs.Model;

/// <summary>Checks options before a job exists: bad options are a 4xx, never a failed job.</summary>
public static class JobOptionsValidator
{
    private static readonly string[] Styles = ["warm", "balanced", "bright"];
    private static readonly string[] Intensities = ["low", "medium", "high"];

    /// <summary>Returns field → messages; empty when the options are valid.</summary>
    public static Dictionary<string, string[]> Validate(JobOptions? options)
    {
        var errors = new Dictionary<string, string[]>();
        if (options is null)
        {
            return errors;
        }

        void Add(string field, string message) => errors[$"options.{field}"] = [message];

        var presetNames = string.Join(", ", TargetPresets.All.Select(p => p.Name));
        if (options.Target is not null && options.Target is not ("custom" or JobOptions.ReferenceTarget) && TargetPresets.Find(options.Target) is null)
        {
            Add("target", $"Unknown target '{options.Target}'. Choose one of {presetNames} or custom.");
        }

        if (options.Target == "custom" && (options.Lufs is null || options.TruePeakDbtp is null))
        {
            Add("target", "A custom target needs both lufs and truePeakDbtp.");
        }

        if (options.Target is not null && options.Target != "custom" && (options.Lufs is not null || options.TruePeakDbtp is not null))
        {
            Add("target", $"lufs and truePeakDbtp only apply to a custom target, not to '{options.Target}'.");
        }

        if (options.Lufs is { } lufs && (double.IsNaN(lufs) || lufs < -30 || lufs > -5))
        {
            Add("lufs", $"Loudness target {lufs} LUFS is out of range; use -30 to -5 LUFS.");
        }

        if (options.TruePeakDbtp is { } tp && (double.IsNaN(tp) || tp < -6 || tp > 0))
        {
            Add("truePeakDbtp", $"True-peak ceiling {tp} dBTP is out of range; use -6 to 0 dBTP.");
        }

        if (options.Style is { } style && !Styles.Contains(style))
        {
            Add("style", $"Unknown style '{style}'. Choose warm, balanced or bright.");
        }

        if (options.Intensity is { } intensity && !Intensities.Contains(intensity))
        {
            Add("intensity", $"Unknown intensity '{intensity}'. Choose low, medium or high.");
        }

        if (options.BitDepth is { } bits && bits is not (16 or 24))
        {
            Add("bitDepth", $"Bit depth {bits} is not offered; choose 24 or 16.");
        }

        if (options.Amount is { } amount && (double.IsNaN(amount) || amount < 0 || amount > 100))
        {
            Add("amount", $"Match amount {amount} % is out of range; use 0 to 100.");
        }

        return errors;
    }
}
