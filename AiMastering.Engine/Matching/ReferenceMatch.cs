using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Matching;

/// <summary>
/// The result of matching a source to a reference: the curves, the loudness and true-peak targets, the
/// rules that explain them (decision.json), the spectra for report.json, and the processor to put at the
/// start of the mastering chain (<see cref="CreateEqualizer"/>). Dynamics, limiter and the closed loop
/// stay with the mastering engine, which takes <see cref="TargetLufs"/> and <see cref="CeilingDbtp"/>.
/// </summary>
public sealed class ReferenceMatch
{
    internal ReferenceMatch(
        ReferenceMatchSettings settings,
        ReferenceProfile source,
        ReferenceProfile reference,
        IReadOnlyList<SpectrumPoint> eqCurve,
        IReadOnlyList<SpectrumPoint>? widthCurve,
        double targetLufs,
        LoudnessTargetSource targetSource,
        double ceilingDbtp,
        IReadOnlyList<MatchRule> rules)
    {
        Settings = settings;
        Source = source;
        Reference = reference;
        EqCurveDb = eqCurve;
        WidthCurveDb = widthCurve;
        TargetLufs = targetLufs;
        TargetSource = targetSource;
        CeilingDbtp = ceilingDbtp;
        Rules = rules;
    }

    public ReferenceMatchSettings Settings { get; }

    /// <summary>Measurements of the source (before mastering).</summary>
    public ReferenceProfile Source { get; }

    /// <summary>Measurements of the reference.</summary>
    public ReferenceProfile Reference { get; }

    /// <summary>Match EQ applied to the mid (and to every channel of a non-stereo source), dB by frequency, amount applied.</summary>
    public IReadOnlyList<SpectrumPoint> EqCurveDb { get; }

    /// <summary>Side level change relative to the mid per frequency (dB, amount applied); null when width is not matched.</summary>
    public IReadOnlyList<SpectrumPoint>? WidthCurveDb { get; }

    /// <summary>Integrated loudness target of the master (LUFS).</summary>
    public double TargetLufs { get; }

    public LoudnessTargetSource TargetSource { get; }

    /// <summary>True-peak ceiling of the master (dBTP), never above −0.3.</summary>
    public double CeilingDbtp { get; }

    /// <summary>The match's decisions in numbers and words, for decision.json.</summary>
    public IReadOnlyList<MatchRule> Rules { get; }

    /// <summary>Gain curve of the side signal: EQ plus width.</summary>
    public IReadOnlyList<SpectrumPoint>? SideCurveDb => WidthCurveDb is null
        ? null
        : [.. EqCurveDb.Select((p, i) => new SpectrumPoint(p.Hz, p.Db + WidthCurveDb[i].Db))];

    /// <summary>The match equalizer for the source's format (a pass-through at amount 0 %).</summary>
    public MatchEqualizer CreateEqualizer(int sampleRate, int channelCount) =>
        new(sampleRate, channelCount, new MatchEqualizerSettings(EqCurveDb, channelCount == 2 ? SideCurveDb : null, Settings.Taps));

    /// <summary>Source, reference and master tonal balance for report.json (the master's spectrum is measured here, nothing else).</summary>
    public MatchSpectra Spectra(AudioBuffer master)
    {
        ArgumentNullException.ThrowIfNull(master);
        return Spectra(ReferenceProfile.Spectra(master).Mid);
    }

    /// <summary>
    /// The same from a written master WAV, read block by block (for the long-track path, whose result holds no master
    /// in memory); the spectrum frames come from the file, so the master's curve equals the in-memory one to 24-bit precision.
    /// </summary>
    public MatchSpectra Spectra(string masterWavPath, CancellationToken ct = default) => Spectra(ReferenceProfile.MidOfWav(masterWavPath, ct));

    private MatchSpectra Spectra(IReadOnlyList<SpectrumPoint> masterMid) =>
        new(TonalBalance.ForReport(Source.Mid), TonalBalance.ForReport(Reference.Mid), TonalBalance.ForReport(masterMid));

    /// <summary>Name of the match equalizer in decision.json.</summary>
    public const string PreludeProcessorName = "referenceMatch";
}
