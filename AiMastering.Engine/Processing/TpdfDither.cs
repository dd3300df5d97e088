using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// Triangular-PDF dither (±1 LSB, the sum of two uniform variables) added before rounding to
/// <see cref="TpdfDitherSettings.BitDepth"/> bits, with clamping to the integer range. The output
/// holds exactly representable sample values (k / 2^(bits−1)). Deterministic for a seed
/// (xorshift64*); <see cref="Reset"/> restarts the sequence. Use as the last processor.
/// </summary>
public sealed class TpdfDither : IAudioProcessor
{
    private readonly ulong seed;
    private readonly float scale;
    private readonly float inverse;
    private readonly float max;
    private readonly float min;
    private ulong state;

    public TpdfDither(int sampleRate, int channelCount, TpdfDitherSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BitDepth, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.BitDepth, 24);
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Settings = settings;
        seed = settings.Seed == 0 ? 1 : settings.Seed;
        scale = (float)(1L << (settings.BitDepth - 1));
        inverse = 1f / scale;
        max = scale - 1;
        min = -scale;
        state = seed;
    }

    public TpdfDitherSettings Settings { get; }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples => 0;

    public void Reset() => state = seed;

    public void Process(AudioBlock block)
    {
        ProcessorGuard.Block(block, ChannelCount);
        var s = state;
        float sc = scale, inv = inverse, hi = max, lo = min;
        const float unit = 1f / (1 << 24);
        for (var i = 0; i < block.Length; i++)
        {
            for (var c = 0; c < ChannelCount; c++)
            {
                // Two uniform [0,1) values from one 64-bit xorshift64* draw.
                s ^= s >> 12;
                s ^= s << 25;
                s ^= s >> 27;
                var r = s * 0x2545F4914F6CDD1DUL;
                var u1 = (r >> 40) * unit;
                var u2 = ((r >> 16) & 0xFFFFFF) * unit;
                var x = block[c];
                var q = MathF.Floor((x[i] * sc) + (u1 - u2) + 0.5f);
                x[i] = Math.Clamp(q, lo, hi) * inv;
            }
        }

        state = s;
    }
}
