using System.Text.Json.Serialization;
using AiMastering.Jobs.Model.Catalog;

namespace AiMastering.Jobs.Model;

/// <summary>
/// What the musician asked for (the <c>options</c> object of <c>POST /jobs</c>). Every field is
/// optional on the wire; <see cref="Normalize"/> fills the documented defaults.
/// </summary>
public sealed record JobOptions
{
    /// <summary>A preset id of <see cref="LoudnessPresets"/>, <c>custom</c> or (with a reference track) <c>reference</c>. Default streaming.</summary>
    public string? Target { get; init; }

    /// <summary>Integrated loudness target for <c>custom</c> (<see cref="Limits.Lufs"/>).</summary>
    public double? Lufs { get; init; }

    /// <summary>True-peak ceiling for <c>custom</c> (<see cref="Limits.TruePeakDbtp"/>).</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>A style id of <see cref="MasteringStyles"/>. Default balanced.</summary>
    public string? Style { get; init; }

    /// <summary>An intensity id of <see cref="Intensities"/>. Default medium.</summary>
    public string? Intensity { get; init; }

    /// <summary>24 or 16 (16 gets TPDF dither). Default 24.</summary>
    public int? BitDepth { get; init; }

    /// <summary>Gentle stereo widening when the mix is narrow. Default false.</summary>
    public bool? Width { get; init; }

    /// <summary>How far to match a reference track, 0–100 %. Default 100.</summary>
    public double? Amount { get; init; }

    [JsonIgnore]
    public static JobOptions Defaults { get; } = new JobOptions().Normalize();

    /// <summary>With a reference track and no target chosen, the reference sets loudness and ceiling.</summary>
    public JobOptions ForReference() =>
        Target is null && Lufs is null && TruePeakDbtp is null ? this with { Target = LoudnessPresets.Reference } : this;

    public JobOptions Normalize()
    {
        var target = Target ?? (Lufs is not null || TruePeakDbtp is not null ? LoudnessPresets.Custom : LoudnessPresets.Default.Id);
        var preset = LoudnessPresets.Find(target);
        return this with
        {
            Target = target,
            Lufs = preset?.Lufs ?? Lufs,
            TruePeakDbtp = preset?.TruePeakDbtp ?? TruePeakDbtp,
            Style = Style ?? MasteringStyles.Default.Id,
            Intensity = Intensity ?? Intensities.Default.Id,
            BitDepth = BitDepth ?? Limits.BitDepths[0],
            Width = Width ?? false,
            Amount = Amount ?? Limits.DefaultAmount,
        };
    }
}
