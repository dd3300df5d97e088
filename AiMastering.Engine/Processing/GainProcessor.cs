using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// Static gain in dB. Setting <see cref="GainDb"/> while running ramps linearly to the new gain
/// over <see cref="GainSettings.RampMs"/>, so the closed loop can trim the level into the limiter
/// without clicks. No latency.
/// </summary>
public sealed class GainProcessor : IAudioProcessor
{
    private readonly int rampSamples;
    private double gainDb;
    private float current;
    private float target;
    private float step;
    private int remaining;

    public GainProcessor(int sampleRate, int channelCount, GainSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        rampSamples = Math.Max(1, (int)Math.Round(settings.RampMs * sampleRate / 1000.0));
        gainDb = settings.GainDb;
        Reset();
    }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples => 0;

    /// <summary>Target gain in dB; a change ramps smoothly from the current gain.</summary>
    public double GainDb
    {
        get => gainDb;
        set
        {
            gainDb = value;
            target = (float)Decibels.ToLinear(value);
            remaining = rampSamples;
            step = (target - current) / rampSamples;
        }
    }

    public void Reset()
    {
        target = (float)Decibels.ToLinear(gainDb);
        current = target;
        remaining = 0;
        step = 0;
    }

    public void Process(AudioBlock block)
    {
        ProcessorGuard.Block(block, ChannelCount);
        var start = 0;
        if (remaining > 0)
        {
            var n = Math.Min(remaining, block.Length);
            for (var c = 0; c < ChannelCount; c++)
            {
                var x = block[c];
                var g = current;
                for (var i = 0; i < n; i++)
                {
                    g += step;
                    x[i] *= g;
                }
            }

            current += step * n;
            remaining -= n;
            if (remaining == 0)
            {
                current = target;
            }

            start = n;
        }

        if (start < block.Length && current != 1f)
        {
            for (var c = 0; c < ChannelCount; c++)
            {
                var x = block[c][start..];
                TensorPrimitives.Multiply(x, current, x);
            }
        }
    }
}
