using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// ITU-R BS.1770-4 K-weighting for any sample rate: the two stages (high shelf "pre-filter" and the
/// RLB high-pass) are the analog prototypes behind the standard's 48 kHz table, mapped with the
/// pre-warped bilinear transform (K = tan(pi f0 / fs)). At 48 kHz this reproduces the table to 1e-8.
/// </summary>
internal static class KWeighting
{
    private const double ShelfFrequencyHz = 1681.974450955533;
    private const double ShelfGainDb = 3.999843853973347;
    private const double ShelfQ = 0.7071752369554196;
    private const double HighPassFrequencyHz = 38.13547087602444;
    private const double HighPassQ = 0.5003270373238773;

    public static BiquadCoefficients Shelf(int sampleRate)
    {
        var k = Math.Tan(Math.PI * ShelfFrequencyHz / sampleRate);
        var vh = Math.Pow(10.0, ShelfGainDb / 20.0);
        var vb = Math.Pow(vh, 0.4996667741545416);
        var a0 = 1.0 + (k / ShelfQ) + (k * k);
        return new BiquadCoefficients(
            (vh + (vb * k / ShelfQ) + (k * k)) / a0,
            2.0 * ((k * k) - vh) / a0,
            (vh - (vb * k / ShelfQ) + (k * k)) / a0,
            2.0 * ((k * k) - 1.0) / a0,
            (1.0 - (k / ShelfQ) + (k * k)) / a0);
    }

    public static BiquadCoefficients HighPass(int sampleRate)
    {
        var k = Math.Tan(Math.PI * HighPassFrequencyHz / sampleRate);
        var a0 = 1.0 + (k / HighPassQ) + (k * k);
        return new BiquadCoefficients(1.0, -2.0, 1.0, 2.0 * ((k * k) - 1.0) / a0, (1.0 - (k / HighPassQ) + (k * k)) / a0);
    }
}
