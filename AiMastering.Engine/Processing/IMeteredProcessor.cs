namespace AiMastering.Engine.Processing;

/// <summary>
/// A processor with meters for the report (gain reduction) that can restart them without touching its audio state:
/// a segment of a parallel render (<c>Mastering/ChainRenderer</c>) first runs over audio that belongs to the segment
/// before it, to settle its envelopes, and must not count that audio twice in the meters.
/// </summary>
public interface IMeteredProcessor
{
    /// <summary>Meters start afresh from the next frame processed; filters, envelopes and delay lines are kept.</summary>
    void ResetMeters();
}
