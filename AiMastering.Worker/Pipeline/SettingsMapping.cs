using AiMastering.Engine.Mastering;
using AiMastering.Jobs.Model;

namespace AiMastering.Worker.Pipeline;

/// <summary>The job's wire options as the engine's settings (validated by the API before the job existed).</summary>
public static class SettingsMapping
{
    public static MasteringSettings ToSettings(JobOptions options)
    {
        var o = options.Normalize();
        var style = Enum.Parse<MasteringStyle>(o.Style!, ignoreCase: true);
        var intensity = Enum.Parse<MasteringIntensity>(o.Intensity!, ignoreCase: true);
        var bitDepth = o.BitDepth ?? 24;
        var width = o.Width ?? false;
        return o.Target switch
        {
            "custom" => MasteringSettings.Custom(o.Lufs!.Value, o.TruePeakDbtp!.Value, style, intensity, bitDepth, width),

            // Loudness and ceiling come from the reference track (the prelude overrides them).
            JobOptions.ReferenceTarget => MasteringSettings.FromPreset("streaming", style, intensity, bitDepth, width),
            _ => MasteringSettings.FromPreset(o.Target!, style, intensity, bitDepth, width),
        };
    }

    /// <summary>The platform loudness the musician chose, which wins over the reference's; null = follow the reference.</summary>
    public static double? PlatformTargetLufs(JobOptions options)
    {
        var o = options.Normalize();
        return o.Target == JobOptions.ReferenceTarget ? null : o.Lufs;
    }
}
