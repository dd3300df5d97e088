using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// One equaliser band. For shelves, <paramref name="Q"/> = 0.7071 is the RBJ shelf slope S = 1
/// (steepest without overshoot); <paramref name="FrequencyHz"/> is the shelf midpoint.
/// </summary>
public sealed record EqBand(EqBandShape Shape, double FrequencyHz, double GainDb, double Q = BiquadCoefficients.ButterworthQ)
{
    public BiquadCoefficients Design(int sampleRate) => Shape switch
    {
        EqBandShape.Peaking => BiquadCoefficients.Peaking(sampleRate, FrequencyHz, Q, GainDb),
        EqBandShape.LowShelf => BiquadCoefficients.LowShelf(sampleRate, FrequencyHz, Q, GainDb),
        EqBandShape.HighShelf => BiquadCoefficients.HighShelf(sampleRate, FrequencyHz, Q, GainDb),
        _ => throw new InvalidOperationException($"Unknown EQ shape {Shape}."),
    };
}
