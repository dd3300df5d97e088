using AiMastering.Engine.Analysis;

using static System.FormattableString;

namespace AiMastering.Engine.Matching;

/// <summary>Builds the match's decisions: the numbers that fired each one and a sentence a musician understands.</summary>
internal static class MatchRules
{
    public static MatchRule Eq(IReadOnlyList<SpectrumPoint> eq, ReferenceMatchSettings settings)
    {
        var inputs = TonalBalance.OctaveInputs(eq, "gainDb");
        inputs["maxBoostDb"] = settings.MaxBoostDb;
        inputs["maxCutDb"] = settings.MaxCutDb;
        inputs["amountPercent"] = settings.AmountPercent;
        var boost = eq.MaxBy(p => p.Db);
        var cut = eq.MinBy(p => p.Db);
        inputs["largestBoostDb"] = Math.Round(boost.Db, 2);
        inputs["largestBoostHz"] = Math.Round(boost.Hz);
        inputs["largestCutDb"] = Math.Round(cut.Db, 2);
        inputs["largestCutHz"] = Math.Round(cut.Hz);
        string reason;
        if (settings.AmountPercent == 0)
        {
            reason = "Match amount is 0 %, so the tonal balance was left as it is.";
        }
        else if (Curve.MaxAbs(eq) < 0.5)
        {
            reason = "The mix already has the reference's tonal balance (within 0.5 dB), so no match EQ was needed.";
        }
        else
        {
            reason = Invariant($"To sound like the reference, the EQ follows the difference between the two long-term spectra: ") +
                     Invariant($"up to {boost.Db:+0.0} dB around {TonalBalance.Hz(boost.Hz)} and {cut.Db:+0.0;-0.0} dB around {TonalBalance.Hz(cut.Hz)} ") +
                     Invariant($"(limited to +{settings.MaxBoostDb:0}/−{settings.MaxCutDb:0} dB, amount {settings.AmountPercent:0} %).");
        }

        return new MatchRule("reference-eq", inputs, reason);
    }

    public static MatchRule Width(IReadOnlyList<SpectrumPoint>? width, ReferenceProfile source, ReferenceProfile reference, ReferenceMatchSettings settings)
    {
        if (width is null)
        {
            var why = source.ChannelCount != 2 || !source.HasStereo
                ? "The mix is mono, so its stereo width was left alone."
                : "The reference is mono, so it says nothing about width: the mix's stereo image was left alone.";
            return new MatchRule("reference-width", new Dictionary<string, double>
            {
                ["sourceChannels"] = source.ChannelCount,
                ["referenceChannels"] = reference.ChannelCount,
            }, why);
        }

        var inputs = TonalBalance.OctaveInputs(width, "sideDb");
        inputs["maxWidthChangeDb"] = settings.MaxWidthChangeDb;
        inputs["monoBassHz"] = settings.MonoBassHz;
        var wider = width.MaxBy(p => p.Db);
        var narrower = width.MinBy(p => p.Db);
        string reason;
        if (Curve.MaxAbs(width) < 0.5)
        {
            reason = "The mix is about as wide as the reference in every band (within 0.5 dB), so its width was kept.";
        }
        else
        {
            var parts = new List<string>();
            if (wider.Db >= 0.5)
            {
                parts.Add(Invariant($"widened by up to {wider.Db:0.0} dB of side around {TonalBalance.Hz(wider.Hz)}"));
            }

            if (narrower.Db <= -0.5)
            {
                parts.Add(Invariant($"narrowed by up to {-narrower.Db:0.0} dB of side around {TonalBalance.Hz(narrower.Hz)}"));
            }

            reason = "To match the reference's stereo image band by band, the mix was " + string.Join(" and ", parts) +
                     Invariant($" (limited to ±{settings.MaxWidthChangeDb:0} dB; the side is never raised below {settings.MonoBassHz:0} Hz so the bass stays centred).");
        }

        return new MatchRule("reference-width", inputs, reason);
    }

    public static MatchRule Loudness(ReferenceProfile reference, double? platformTargetLufs, double targetLufs)
    {
        var inputs = new Dictionary<string, double>
        {
            ["referenceLufs"] = Math.Round(reference.IntegratedLufs ?? double.NaN, 2),
            ["targetLufs"] = Math.Round(targetLufs, 2),
        };
        if (platformTargetLufs is { } platform)
        {
            inputs["platformTargetLufs"] = platform;
            return new MatchRule("reference-loudness", inputs, Invariant(
                $"The chosen platform target of {platform:0.0} LUFS wins over the reference's loudness ({reference.IntegratedLufs:0.0} LUFS)."));
        }

        return new MatchRule("reference-loudness", inputs, Invariant(
            $"The master is made as loud as the reference: {targetLufs:0.0} LUFS integrated (ITU-R BS.1770)."));
    }

    public static MatchRule Ceiling(ReferenceProfile reference, double ceiling)
    {
        var peak = reference.TruePeakDbtp ?? double.NegativeInfinity;
        var inputs = new Dictionary<string, double>
        {
            ["referenceTruePeakDbtp"] = Math.Round(peak, 2),
            ["ceilingDbtp"] = Math.Round(ceiling, 2),
        };
        string reason = peak > ReferenceMatchSettings.HighestCeilingDbtp
            ? Invariant($"The reference peaks at {peak:+0.0;-0.0} dBTP, which can distort after conversion to MP3/AAC; the master stays at or below {ceiling:0.0} dBTP.")
            : peak < ReferenceMatchSettings.DefaultCeilingDbtp
                ? Invariant($"The reference peaks at {peak:0.0} dBTP; its level is matched by loudness, and the master's true-peak ceiling is the usual {ceiling:0.0} dBTP.")
                : Invariant($"The master's true peaks stay at or below {ceiling:0.0} dBTP, like the reference's ({peak:0.0} dBTP).");
        return new MatchRule("reference-ceiling", inputs, reason);
    }

    public static MatchRule Format(ReferenceProfile source, ReferenceProfile reference) => new(
        "reference-format",
        new Dictionary<string, double>
        {
            ["sourceSampleRateHz"] = source.SampleRate,
            ["referenceSampleRateHz"] = reference.SampleRate,
            ["sourceChannels"] = source.ChannelCount,
            ["referenceChannels"] = reference.ChannelCount,
            ["sourceSeconds"] = Math.Round(source.DurationSeconds, 2),
            ["referenceSeconds"] = Math.Round(reference.DurationSeconds, 2),
        },
        Invariant($"The two tracks were compared by frequency in Hz; the master keeps the mix's {source.SampleRate} Hz, {source.ChannelCount} channel(s) and length."));
}
