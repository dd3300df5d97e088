using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// 4th-order Linkwitz-Riley split at one frequency for N channels: low = two cascaded
/// Butterworth low-pass sections, high = two cascaded Butterworth high-pass sections (RBJ
/// cookbook, Q = 1/√2). low + high equals the 2nd-order all-pass <see cref="AllPass"/>
/// (Q = 1/√2) exactly, so the split sums flat in magnitude.
/// </summary>
internal sealed class LinkwitzRileySplit
{
    private readonly BiquadCoefficients lowPass;
    private readonly BiquadCoefficients highPass;
    private readonly BiquadState[] lowStates;  // per channel: section 1, section 2
    private readonly BiquadState[] highStates; // per channel: section 1, section 2

    public LinkwitzRileySplit(int sampleRate, int channelCount, double frequencyHz)
    {
        lowPass = BiquadCoefficients.LowPass(sampleRate, frequencyHz, BiquadCoefficients.ButterworthQ);
        highPass = BiquadCoefficients.HighPass(sampleRate, frequencyHz, BiquadCoefficients.ButterworthQ);
        AllPass = BiquadCoefficients.AllPass(sampleRate, frequencyHz, BiquadCoefficients.ButterworthQ);
        lowStates = new BiquadState[channelCount * 2];
        highStates = new BiquadState[channelCount * 2];
    }

    /// <summary>The all-pass that low + high equals; apply it to bands that bypass this split.</summary>
    public BiquadCoefficients AllPass { get; }

    public void Reset()
    {
        Array.Clear(lowStates);
        Array.Clear(highStates);
    }

    /// <summary>Splits <paramref name="input"/> into <paramref name="low"/> and <paramref name="high"/> (input may alias high).</summary>
    public void Split(int channel, ReadOnlySpan<float> input, Span<float> low, Span<float> high)
    {
        var s = channel * 2;
        BiquadState.ProcessCascade(lowPass, ref lowStates[s], lowPass, ref lowStates[s + 1], input, low);
        BiquadState.ProcessCascade(highPass, ref highStates[s], highPass, ref highStates[s + 1], input, high);
    }

    /// <summary>Low band only (input may alias output).</summary>
    public void Low(int channel, ReadOnlySpan<float> input, Span<float> low) =>
        BiquadState.ProcessCascade(lowPass, ref lowStates[channel * 2], lowPass, ref lowStates[(channel * 2) + 1], input, low);

    /// <summary>High band only (input may alias output).</summary>
    public void High(int channel, ReadOnlySpan<float> input, Span<float> high) =>
        BiquadState.ProcessCascade(highPass, ref highStates[channel * 2], highPass, ref highStates[(channel * 2) + 1], input, high);
    /// <summary>
    /// <see cref="High"/> of <paramref name="high"/> in place, and <paramref name="other"/> through <paramref name="section"/>
    /// (state <paramref name="otherState"/>) in the same loop.
    /// </summary>
    public void HighWith(int channel, Span<float> high, in BiquadCoefficients section, ref BiquadState otherState, Span<float> other) =>
        BiquadState.ProcessCascadeAndSingle(highPass, ref highStates[channel * 2], highPass, ref highStates[(channel * 2) + 1], high, section, ref otherState, other);
    /// <summary><see cref="Low"/> of channels <paramref name="channel"/> and <paramref name="channel"/> + 1 in one interleaved loop.</summary>
    public void LowPair(int channel, ReadOnlySpan<float> inputA, Span<float> lowA, ReadOnlySpan<float> inputB, Span<float> lowB) =>
        BiquadState.ProcessCascadePair(lowPass, lowPass, ref lowStates[channel * 2], ref lowStates[(channel * 2) + 1], ref lowStates[(channel * 2) + 2], ref lowStates[(channel * 2) + 3], inputA, lowA, inputB, lowB);
}
