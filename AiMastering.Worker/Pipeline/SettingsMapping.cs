using AiMastering.Engine.Mastering;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Model.Catalog;

namespace AiMastering.Worker.Pipeline;

/// <summary>
/// The job's wire options as the engine's settings: the catalog's choices become the plain numbers the engine takes.
/// The options come validated and normalized (<see cref="JobOptions.Normalize"/>) once, by the API before the job
/// existed (or by the CLI); the engine validates the settings once, at its entry. Compiled into the worker and the
/// CLI (a linked file).
/// </summary>
internal static class SettingsMapping
{
    public static MasteringSettings ToSettings(JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Target is null ? throw new ArgumentException("The options are not normalized.", nameof(options)) : options;

        // A reference target's loudness and ceiling come from the reference track (the prelude overrides them).
        var preset = o.Target == LoudnessPresets.Reference ? LoudnessPresets.Default : LoudnessPresets.Find(o.Target!);
        var target = preset is null
            ? new LoudnessTarget(o.Lufs!.Value, o.TruePeakDbtp!.Value) { Source = LoudnessPresets.Custom }
            : new LoudnessTarget(preset.Lufs, preset.TruePeakDbtp) { Source = preset.Id, Describes = preset.Describes };
        var style = MasteringStyles.Find(o.Style!) ?? throw new ArgumentException($"Unknown style '{o.Style}'.", nameof(options));
        var intensity = Intensities.Find(o.Intensity!) ?? throw new ArgumentException($"Unknown intensity '{o.Intensity}'.", nameof(options));
        return new MasteringSettings(
            target,
            new MasteringStyle(style.Id, style.BassDb, style.HighMidsDb, style.HighsDb),
            new MasteringIntensity(intensity.Id, intensity.Level),
            o.BitDepth ?? Limits.BitDepths[0],
            o.Width ?? false);
    }

    /// <summary>The platform loudness the musician chose, which wins over the reference's; null = follow the reference.</summary>
    public static double? PlatformTargetLufs(JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Target == LoudnessPresets.Reference ? null : options.Lufs;
    }
}
