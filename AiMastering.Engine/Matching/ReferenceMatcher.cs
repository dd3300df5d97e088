using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Matching;

/// <summary>
/// Derives the match from a source and a reference: EQ = the reference's smoothed mid spectrum minus the
/// source's (mean offset removed, held outside 30 Hz–18 kHz, limited to the maximum boost/cut, scaled by
/// the amount); width = per-band change of the side-to-mid ratio toward the reference's (one-octave
/// smoothing, limited, never raising the side in the bass); loudness = the reference's integrated
/// loudness unless a platform target is given; ceiling = the reference's true peak, between −1 and
/// −0.3 dBTP. Spectra are compared in Hz, so sample rates, lengths and channel counts may differ.
/// </summary>
public static class ReferenceMatcher
{
    /// <summary>Decodes and measures the reference file, then matches (throws <see cref="ReferenceTrackException"/>).</summary>
    public static ReferenceMatch Match(AudioBuffer source, string referencePath, ReferenceMatchSettings? settings = null, double? platformTargetLufs = null) =>
        Match(source, ReferenceProfile.Load(referencePath), settings, platformTargetLufs);

    public static ReferenceMatch Match(AudioBuffer source, AudioBuffer reference, ReferenceMatchSettings? settings = null, double? platformTargetLufs = null) =>
        Match(source, ReferenceProfile.Measure(reference), settings, platformTargetLufs);

    public static ReferenceMatch Match(AudioBuffer source, ReferenceProfile reference, ReferenceMatchSettings? settings = null, double? platformTargetLufs = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reference);
        settings ??= new ReferenceMatchSettings();
        settings.Validate();
        var profile = ReferenceProfile.MeasureTrack(source);
        return Match(profile, reference, settings, platformTargetLufs);
    }

    /// <summary>Matches a source whose analysis is already known (only its spectra are measured) to a measured reference.</summary>
    public static ReferenceMatch Match(AudioBuffer source, AudioAnalysis sourceAnalysis, ReferenceProfile reference, ReferenceMatchSettings? settings = null, double? platformTargetLufs = null) =>
        Match(ReferenceProfile.MeasureTrack(source, sourceAnalysis), reference, settings ?? new ReferenceMatchSettings(), platformTargetLufs);

    /// <summary>
    /// Matches a decoded mix whose analysis is already known (its spectra from its samples, or from its spill file on the
    /// mastering engine's long-track path) to a measured reference: the mastering path's call.
    /// </summary>
    public static ReferenceMatch Match(DecodedMix source, AudioAnalysis sourceAnalysis, ReferenceProfile reference, ReferenceMatchSettings? settings = null, double? platformTargetLufs = null) =>
        Match(ReferenceProfile.MeasureTrack(source, sourceAnalysis), reference, settings ?? new ReferenceMatchSettings(), platformTargetLufs);

    /// <summary>Matches two measured profiles (no audio needed).</summary>
    public static ReferenceMatch Match(ReferenceProfile source, ReferenceProfile reference, ReferenceMatchSettings settings, double? platformTargetLufs)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var amount = settings.AmountPercent / 100;
        var grid = SmoothedSpectrum.Grid();

        double Held(double hz) => Math.Clamp(hz, settings.LowestMatchHz, settings.HighestMatchHz);
        double Difference(double hz) => Curve.At(reference.Mid, Held(hz)) - Curve.At(source.Mid, Held(hz));
        var offset = TonalBalance.Mean(Difference);
        SpectrumPoint[] eq = [.. grid.Select(hz => new SpectrumPoint(
            hz, amount * Math.Clamp(Difference(hz) - offset, -settings.MaxCutDb, settings.MaxBoostDb)))];

        var matchWidth = source.ChannelCount == 2 && source.HasStereo && reference.HasStereo;
        var width = matchWidth ? WidthCurve(source, reference, settings, grid, amount) : null;

        var targetSource = platformTargetLufs is null ? LoudnessTargetSource.Reference : LoudnessTargetSource.Platform;
        var targetLufs = platformTargetLufs ?? reference.IntegratedLufs!.Value;
        // Whole 0.1 dB steps, rounded down: the ceiling a meter printing one decimal can verify.
        var ceiling = Math.Floor((10 * Math.Min(ReferenceMatchSettings.HighestCeilingDbtp, Math.Max(reference.TruePeakDbtp ?? double.NegativeInfinity, ReferenceMatchSettings.DefaultCeilingDbtp))) + 1e-9) / 10;

        var rules = new List<MatchRule>
        {
            MatchRules.Eq(eq, settings),
            MatchRules.Width(width, source, reference, settings),
            MatchRules.Loudness(reference, platformTargetLufs, targetLufs),
            MatchRules.Ceiling(reference, ceiling),
            MatchRules.Format(source, reference),
        };
        return new ReferenceMatch(settings, source, reference, eq, width, targetLufs, targetSource, ceiling, rules);
    }

    private static SpectrumPoint[] WidthCurve(ReferenceProfile source, ReferenceProfile reference, ReferenceMatchSettings settings, double[] grid, double amount)
    {
        double Held(double hz) => Math.Clamp(hz, settings.LowestMatchHz, settings.HighestMatchHz);
        var raw = grid.Select(hz =>
        {
            var h = Held(hz);
            var referenceRatio = Curve.At(reference.Side, h) - Curve.At(reference.Mid, h);
            var sourceRatio = Curve.At(source.Side, h) - Curve.At(source.Mid, h);
            return referenceRatio - sourceRatio;
        }).ToArray();

        // One-octave moving average: width is a broad property; narrow side peaks are the song, not the mix.
        var half = SmoothedSpectrum.PointsPerOctave / 2;
        var width = new SpectrumPoint[grid.Length];
        for (var i = 0; i < grid.Length; i++)
        {
            var from = Math.Max(0, i - half);
            var to = Math.Min(grid.Length - 1, i + half);
            var mean = raw.AsSpan(from, to - from + 1).ToArray().Average();
            var limited = Math.Clamp(mean, -settings.MaxWidthChangeDb, settings.MaxWidthChangeDb);
            if (grid[i] < settings.MonoBassHz)
            {
                limited = Math.Min(0, limited);
            }

            width[i] = new SpectrumPoint(grid[i], amount * limited);
        }

        return width;
    }
}
