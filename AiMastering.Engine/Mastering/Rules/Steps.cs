using System.Text.Json;
using System.Text.Json.Nodes;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>
/// Builds <see cref="PlannedStep"/>s for each processor type, with its settings serialized for decision.json. The
/// <see cref="DynamicsProcessor"/> steps keep the type names decision.json documents (Compressor, UpwardExpander,
/// DynamicEqBand): readers of the document tell the three apart by them.
/// </summary>
internal static class Steps
{
    private static MasteringJsonContext Json => MasteringJsonContext.Default;

    public static PlannedStep HighPass(HighPassSettings s) =>
        Make(StepNames.HighPass, nameof(HighPassFilter), JsonSerializer.SerializeToNode(s, Json.HighPassSettings), (r, c) => new HighPassFilter(r, c, s));

    public static PlannedStep Shelves(EqBand[] bands) =>
        Make(StepNames.ToneShelves, nameof(StaticEqualizer), new JsonObject { ["bands"] = JsonSerializer.SerializeToNode(bands, Json.EqBandArray) }, (r, c) => new StaticEqualizer(r, c, bands));

    public static PlannedStep DynamicEq(string name, DynamicEqSettings s) =>
        Make(name, "DynamicEqBand", JsonSerializer.SerializeToNode(s, Json.DynamicEqSettings), (r, c) => DynamicsProcessor.DynamicEq(r, c, s));

    public static PlannedStep Expander(UpwardExpanderSettings s) =>
        Make(StepNames.UpwardExpander, "UpwardExpander", JsonSerializer.SerializeToNode(s, Json.UpwardExpanderSettings), (r, c) => DynamicsProcessor.UpwardExpander(r, c, s));

    public static PlannedStep Multiband(MultibandCompressorSettings s) =>
        Make(StepNames.Multiband, nameof(MultibandCompressor), JsonSerializer.SerializeToNode(s, Json.MultibandCompressorSettings), (r, c) => new MultibandCompressor(r, c, s));

    public static PlannedStep Glue(CompressorSettings s) =>
        Make(StepNames.Glue, "Compressor", JsonSerializer.SerializeToNode(s, Json.CompressorSettings), (r, c) => DynamicsProcessor.Compressor(r, c, s));

    public static PlannedStep Width(StereoWidthSettings s) =>
        Make(StepNames.StereoWidth, nameof(StereoWidth), JsonSerializer.SerializeToNode(s, Json.StereoWidthSettings), (r, c) => new StereoWidth(r, c, s));

    public static PlannedStep Gain(GainSettings s) =>
        Make(StepNames.Gain, nameof(GainProcessor), JsonSerializer.SerializeToNode(s, Json.GainSettings), (r, c) => new GainProcessor(r, c, s));

    public static PlannedStep Limiter(TruePeakLimiterSettings s) =>
        Make(StepNames.Limiter, nameof(TruePeakLimiter), JsonSerializer.SerializeToNode(s, Json.TruePeakLimiterSettings), (r, c) => new TruePeakLimiter(r, c, s));

    public static PlannedStep Dither(TpdfDitherSettings s) =>
        Make(StepNames.Dither, nameof(TpdfDither), JsonSerializer.SerializeToNode(s, Json.TpdfDitherSettings), (r, c) => new TpdfDither(r, c, s));

    private static PlannedStep Make(string name, string type, JsonNode? settings, Func<int, int, IAudioProcessor> create) =>
        new(name, StepNames.Order(name), type, settings as JsonObject ?? [], create);
}
