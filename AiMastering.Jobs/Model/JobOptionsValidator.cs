using System.Globalization;
using AiMastering.Jobs.Model.Catalog;

namespace AiMastering.Jobs.Model;

/// <summary>Checks options before a job exists: bad options are a 4xx, never a failed job. Every choice and range comes from the catalog.</summary>
public static class JobOptionsValidator
{
    /// <summary>Returns field → messages; empty when the options are valid.</summary>
    public static Dictionary<string, string[]> Validate(JobOptions? options)
    {
        var errors = new Dictionary<string, string[]>();
        if (options is null)
        {
            return errors;
        }

        void Add(string field, string message) => errors[$"options.{field}"] = [message];

        const string custom = LoudnessPresets.Custom;
        if (options.Target is not null && options.Target is not (custom or LoudnessPresets.Reference) && LoudnessPresets.Find(options.Target) is null)
        {
            Add("target", $"Unknown target '{options.Target}'. Choose one of {string.Join(", ", LoudnessPresets.All.Select(p => p.Id))} or {custom}.");
        }

        // No target with loudness numbers is a custom target too (see JobOptions.Normalize).
        var isCustom = options.Target == custom || (options.Target is null && (options.Lufs is not null || options.TruePeakDbtp is not null));
        if (isCustom && (options.Lufs is null || options.TruePeakDbtp is null))
        {
            Add("target", "A custom target needs both lufs and truePeakDbtp.");
        }

        if (options.Target is not null && options.Target != custom && (options.Lufs is not null || options.TruePeakDbtp is not null))
        {
            Add("target", $"lufs and truePeakDbtp only apply to a custom target, not to '{options.Target}'.");
        }

        if (options.Lufs is { } lufs && !Limits.Lufs.Contains(lufs))
        {
            Add("lufs", $"Loudness target {N(lufs)} LUFS is out of range; use {N(Limits.Lufs.Min)} to {N(Limits.Lufs.Max)} LUFS.");
        }

        if (options.TruePeakDbtp is { } tp && !Limits.TruePeakDbtp.Contains(tp))
        {
            Add("truePeakDbtp", $"True-peak ceiling {N(tp)} dBTP is out of range; use {N(Limits.TruePeakDbtp.Min)} to {N(Limits.TruePeakDbtp.Max)} dBTP.");
        }

        if (options.Style is { } style && MasteringStyles.Find(style) is null)
        {
            Add("style", $"Unknown style '{style}'. Choose {OneOf(MasteringStyles.All.Select(s => s.Id))}.");
        }

        if (options.Intensity is { } intensity && Intensities.Find(intensity) is null)
        {
            Add("intensity", $"Unknown intensity '{intensity}'. Choose {OneOf(Intensities.All.Select(i => i.Id))}.");
        }

        if (options.BitDepth is { } bits && !Limits.BitDepths.Contains(bits))
        {
            Add("bitDepth", $"Bit depth {bits} is not offered; choose {OneOf(Limits.BitDepths.Select(b => N(b)))}.");
        }

        if (options.Amount is { } amount && !Limits.Amount.Contains(amount))
        {
            Add("amount", $"Match amount {N(amount)} % is out of range; use {N(Limits.Amount.Min)} to {N(Limits.Amount.Max)}.");
        }

        return errors;
    }

    /// <summary>"warm, balanced or bright".</summary>
    private static string OneOf(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }

    private static string N(double value) => value.ToString(CultureInfo.CurrentCulture);
}
