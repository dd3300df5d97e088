using AiMastering.Engine.Mastering;
using AiMastering.Jobs.Model;
using AiMastering.Worker.Pipeline;

namespace AiMastering.Tests.Support;

/// <summary>Engine settings for the catalog's choices, mapped the way a job's options are (the worker's mapping).</summary>
public static class CatalogSettings
{
    public static MasteringSettings For(string target, string style = "balanced", string intensity = "medium", int bitDepth = 24, bool width = false) =>
        SettingsMapping.ToSettings(new JobOptions { Target = target, Style = style, Intensity = intensity, BitDepth = bitDepth, Width = width }.Normalize());
}
