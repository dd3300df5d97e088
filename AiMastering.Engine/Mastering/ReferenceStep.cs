using AiMastering.Engine.Analysis;
using AiMastering.Engine.Matching;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// The reference's part of a mastering run: the reference is decoded and measured (its analysis for
/// reference-analysis.json and its spectra for the match) while the mix is decoded; the match reuses the engine's
/// analysis of the mix and becomes the chain prelude; report.json's chart gets the source, reference and master tonal
/// balance (the master's spectrum is the only extra measurement). The reference's audio is dropped once measured.
/// </summary>
internal sealed class ReferenceStep(ReferenceRequest request)
{
    private ReferenceProfile? reference;

    /// <summary>The match, once <see cref="Prelude"/> has made it.</summary>
    public ReferenceMatch? Match { get; private set; }

    /// <summary>Decodes and measures the reference; throws <see cref="ReferenceTrackException"/> when it cannot be used.</summary>
    public void Measure() => reference = ReferenceProfile.Load(request.Path);

    public ChainPrelude Prelude(DecodedMix mix, AudioAnalysis analysis)
    {
        var measured = reference ?? throw new InvalidOperationException("The reference has not been measured yet.");
        Match = ReferenceMatcher.Match(ReferenceProfile.MeasureTrack(mix, analysis), measured, request.MatchSettings ?? new ReferenceMatchSettings(), request.PlatformTargetLufs);
        return Match.ToPrelude();
    }

    /// <summary>The result with the match and report.json's three spectra (the master's from memory, or from the written file).</summary>
    public MasteringResult Document(MasteringResult result, string outputWav, CancellationToken ct)
    {
        var match = Match ?? throw new InvalidOperationException("The reference has not been matched.");
        var spectra = result.Master is { } master ? match.Spectra(master) : match.Spectra(outputWav, ct);
        var chart = new ReportSpectra(spectra.Source, spectra.Reference, spectra.Master);
        return result with { Report = result.Report with { Spectra = chart }, Match = match };
    }
}
