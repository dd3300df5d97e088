using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Matching;

/// <summary>
/// The reference-match equalizer: a long linear-phase FIR on the mid and another on the side of a
/// stereo signal (EQ plus per-band width), or the mid FIR on every channel otherwise, run by uniformly
/// partitioned FFT convolution. Linear phase was chosen over minimum phase because a match curve moves
/// broad regions by several dB: linear phase leaves transients and the mid/side phase relation intact,
/// and its pre-ringing is inaudible for curves this smooth. Latency = partition + (taps − 1) / 2 samples,
/// reported in <see cref="LatencySamples"/> so <see cref="ProcessorChain"/> compensates it exactly.
/// A flat curve (amount 0 %) makes the processor a pass-through with no latency.
/// </summary>
public sealed class MatchEqualizer : IAudioProcessor
{
    private readonly PartitionedConvolver[] convolvers;
    private readonly float[][] input;
    private readonly float[][] output;
    private readonly int partition;
    private readonly bool midSide;
    private int position;

    public MatchEqualizer(int sampleRate, int channelCount, MatchEqualizerSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        ArgumentNullException.ThrowIfNull(settings);
        if (!System.Numerics.BitOperations.IsPow2(settings.PartitionFrames) || settings.PartitionFrames < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.PartitionFrames, "PartitionFrames must be a power of two of at least 64.");
        }

        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Settings = settings;
        partition = settings.PartitionFrames;
        midSide = channelCount == 2;
        IsPassThrough = Curve.IsFlat(settings.MidGainDb) && (!midSide || Curve.IsFlat(settings.SideGainDb));
        var pairs = (channelCount + 1) / 2;
        if (IsPassThrough)
        {
            convolvers = [];
            input = [];
            output = [];
            return;
        }

        var mid = FirDesigner.LinearPhase(settings.MidGainDb, sampleRate, settings.Taps);
        var side = midSide && settings.SideGainDb is not null ? FirDesigner.LinearPhase(settings.SideGainDb, sampleRate, settings.Taps) : mid;
        convolvers = [.. Enumerable.Range(0, pairs).Select(_ => new PartitionedConvolver(mid, side, partition))];
        input = [.. Enumerable.Range(0, 2 * pairs).Select(_ => new float[partition])];
        output = [.. Enumerable.Range(0, 2 * pairs).Select(_ => new float[partition])];
        LatencySamples = partition + ((settings.Taps - 1) / 2);
    }

    public MatchEqualizerSettings Settings { get; }

    /// <summary>True when the curves are flat: the signal passes unchanged, with no latency.</summary>
    public bool IsPassThrough { get; }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples { get; }

    public void Reset()
    {
        foreach (var c in convolvers)
        {
            c.Reset();
        }

        foreach (var b in input.Concat(output))
        {
            Array.Clear(b);
        }

        position = 0;
    }

    public void Process(AudioBlock block)
    {
        if (block.ChannelCount != ChannelCount)
        {
            throw new ArgumentException($"Block has {block.ChannelCount} channels, processor expects {ChannelCount}.", nameof(block));
        }

        if (IsPassThrough)
        {
            return;
        }

        for (var start = 0; start < block.Length;)
        {
            var n = Math.Min(partition - position, block.Length - start);
            var chunk = block.Slice(start, n);
            Exchange(chunk);
            position += n;
            start += n;
            if (position == partition)
            {
                for (var p = 0; p < convolvers.Length; p++)
                {
                    input[2 * p].CopyTo(output[2 * p], 0);
                    input[(2 * p) + 1].CopyTo(output[(2 * p) + 1], 0);
                    convolvers[p].Process(output[2 * p], output[(2 * p) + 1]);
                }

                position = 0;
            }
        }
    }

    // Stores the chunk (as M/S for stereo) in the input buffers and replaces it with the output buffers'
    // samples at the same position: the output lags the input by one partition.
    private void Exchange(AudioBlock chunk)
    {
        var n = chunk.Length;
        if (midSide)
        {
            Span<float> left = chunk[0], right = chunk[1];
            var m = input[0].AsSpan(position, n);
            var s = input[1].AsSpan(position, n);
            TensorPrimitives.Add(left, right, m);
            TensorPrimitives.Subtract(left, right, s);
            TensorPrimitives.Multiply(m, 0.5f, m);
            TensorPrimitives.Multiply(s, 0.5f, s);
            var outM = output[0].AsSpan(position, n);
            var outS = output[1].AsSpan(position, n);
            TensorPrimitives.Add(outM, outS, left);
            TensorPrimitives.Subtract(outM, outS, right);
            return;
        }

        for (var c = 0; c < ChannelCount; c++)
        {
            chunk[c].CopyTo(input[c].AsSpan(position, n));
            output[c].AsSpan(position, n).CopyTo(chunk[c]);
        }
    }
}
