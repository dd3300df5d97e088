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
    private readonly BiquadState[] states; // per channel: lp1, lp2, hp1, hp2

    public LinkwitzRileySplit(int sampleRate, int channelCount, double frequencyHz)
    {
        lowPass = BiquadCoefficients.LowPass(sampleRate, frequencyHz, BiquadCoefficients.ButterworthQ);
        highPass = BiquadCoefficients.HighPass(sampleRate, frequencyHz, BiquadCoefficients.ButterworthQ);
        AllPass = BiquadCoefficients.AllPass(sampleRate, frequencyHz, BiquadCoefficients.ButterworthQ);
        states = new BiquadState[channelCount * 4];
    }

    /// <summary>The all-pass that low + high equals; apply it to bands that bypass this split.</summary>
    public BiquadCoefficients AllPass { get; }

    public void Reset() => Array.Clear(states);

    /// <summary>Splits <paramref name="input"/> into <paramref name="low"/> and <paramref name="high"/> (input may alias high).</summary>
    public void Split(int channel, ReadOnlySpan<float> input, Span<float> low, Span<float> high)
    {
        var s = channel * 4;
        BiquadState.ProcessCascade(lowPass, ref states[s], lowPass, ref states[s + 1], input, low);
        BiquadState.ProcessCascade(highPass, ref states[s + 2], highPass, ref states[s + 3], input, high);
    }

    /// <summary>Low band only (input may alias output).</summary>
    public void Low(int channel, ReadOnlySpan<float> input, Span<float> low) =>
        BiquadState.ProcessCascade(lowPass, ref states[channel * 4], lowPass, ref states[(channel * 4) + 1], input, low);

    /// <summary>High band only (input may alias output).</summary>
    public void High(int channel, ReadOnlySpan<float> input, Span<float> high) =>
        BiquadState.ProcessCascade(highPass, ref states[(channel * 4) + 2], highPass, ref states[(channel * 4) + 3], input, high);
    /// <summary>
    /// <see cref="High"/> of <paramref name="high"/> in place, and <paramref name="other"/> through <paramref name="section"/>
    /// (state <paramref name="otherState"/>) in the same loop.
    /// </summary>
    public void HighWith(int channel, Span<float> high, in BiquadCoefficients section, ref BiquadState otherState, Span<float> other) =>
        BiquadState.ProcessCascadeAndSingle(highPass, ref states[(channel * 4) + 2], highPass, ref states[(channel * 4) + 3], high, section, ref otherState, other);
}
