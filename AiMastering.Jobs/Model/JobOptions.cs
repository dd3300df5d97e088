using System.Text.Json.Serialization;

namespace AiMastering.Jobs.Model;

/// <summary>
/// What the musician asked for (the <c>options</c> object of <c>POST /jobs</c>). Every field is
/// optional on the wire; <see cref="Normalize"/> fills the documented defaults.
/// </summary>
public sealed record JobOptions
{
    /// <summary>streaming | apple | youtube | club | cd | custom. Default streaming.</summary>
    public string? Target { get; init; }

    /// <summary>Integrated loudness target for <c>custom</c> (-30 … -5 LUFS).</summary>
    public double? Lufs { get; init; }

    /// <summary>True-peak ceiling for <c>custom</c> (-6 … 0 dBTP).</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>warm | balanced | bright. Default balanced.</summary>
    public string? Style { get; init; }

    /// <summary>low | medium | high. Default medium.</summary>
    public string? Intensity { get; init; }

    /// <summary>24 or 16 (16 gets TPDF dither). Default 24.</summary>
    public int? BitDepth { get; init; }

    /// <summary>Gentle stereo widening when the mix is narrow. Default false.</summary>
    public bool? Width { get; init; }

    /// <summary>How far to match a reference track, 0–100 %. Default 100.</summary>
    public double? Amount { get; init; }

    /// <summary>The target of a reference job whose musician chose no platform: loudness and ceiling follow the reference.</summary>
    public const string ReferenceTarget = "reference";

    [JsonIgnore]
    public static JobOptions Defaults { get; } = new JobOptions().Normalize();

    /// <summary>With a reference track and no target chosen, the reference sets loudness and ceiling.</summary>
    public JobOptions ForReference() =>
        Target is null && Lufs is null && TruePeakDbtp is null ? this with { Target = ReferenceTarget } : this;

    public JobOptions Normalize()
    {
        var target = Target ?? (Lufs is not null || TruePeakDbtp is not null ? "custom" : "streaming");
        var preset = TargetPresets.Find(target);
        return this with
        {
            Target = target,
            Lufs = preset?.Lufs ?? Lufs,
            TruePeakDbtp = preset?.TruePeakDbtp ?? TruePeakDbtp,
            Style = Style ?? "balanced",
            Intensity = Intensity ?? "medium",
            BitDepth = BitDepth ?? 24,
            Width = Width ?? false,
            Amount = Amount ?? 100,
        };
    }
}
