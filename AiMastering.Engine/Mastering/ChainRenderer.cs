using AiMastering.Engine.Dsp;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Renders a chain built from processor factories over a whole buffer, latency-compensated like
/// <see cref="ProcessorChain"/>. Tracks longer than <see cref="MinSegmentSeconds"/> × 2 are cut into a fixed
/// number of segments (from the length only, so the output does not depend on the machine) rendered in parallel,
/// each by its own processor instances that first run over <see cref="WarmUpSeconds"/> of the audio before the
/// segment and discard that output, so envelopes and filters have settled (release times are under 0.5 s; the
/// difference to a single pass decays to well under 0.01 dB). Returns the instances so callers can read meters.
/// </summary>
internal static class ChainRenderer
{
    public const double MinSegmentSeconds = 15;
    public const double WarmUpSeconds = 3;
    public const int MaxSegments = 8;
    private const int BlockFrames = ProcessorChain.DefaultBlockFrames;

    public static IReadOnlyList<IReadOnlyList<IAudioProcessor>> Render(
        IReadOnlyList<Func<int, int, IAudioProcessor>> factories, AudioBuffer input, AudioBuffer output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var rate = input.SampleRate;
        var segments = SegmentsFor(input.Length, rate);
        if (segments == 1)
        {
            var processors = factories.Select(f => f(rate, input.ChannelCount)).ToArray();
            new ProcessorChain(rate, input.ChannelCount, processors).Render(input, output);
            return [processors];
        }

        return Render(factories, new BufferAudio(input), new BufferAudio(output), BlockFrames);
    }

    /// <summary>
    /// The same render between random-access sources and sinks (the long-track path's spill files, with larger
    /// blocks: processors give the same output for any block sizes), segmented like the in-memory render, so the
    /// output is identical to it.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<IAudioProcessor>> Render(
        IReadOnlyList<Func<int, int, IAudioProcessor>> factories, IPlanarSource input, IPlanarSink output, int blockFrames)
    {
        ArgumentNullException.ThrowIfNull(factories);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var rate = input.SampleRate;
        var length = checked((int)input.Length);
        var segments = SegmentsFor(length, rate);
        var bounds = Enumerable.Range(0, segments + 1).Select(i => (int)((long)length * i / segments)).ToArray();
        var warmUp = segments == 1 ? 0 : (int)(WarmUpSeconds * rate);
        var instances = new IAudioProcessor[segments][];
        for (var s = 0; s < segments; s++)
        {
            instances[s] = [.. factories.Select(f => f(rate, input.ChannelCount))];
        }

        // Audio around each inner boundary (warm-up before it, latency tail after it), copied before any segment
        // writes, so the render can also run in place.
        var latency = instances[0].Sum(p => p.LatencySamples);
        var snapshots = new Snapshot?[segments + 1];
        for (var b = 1; b < segments; b++)
        {
            var from = Math.Max(0, bounds[b] - warmUp);
            var to = Math.Min(length, bounds[b] + latency);
            snapshots[b] = new Snapshot(from, [.. Enumerable.Range(0, input.ChannelCount).Select(c =>
            {
                var copy = new float[to - from];
                input.Read(c, from, copy);
                return copy;
            })]);
        }

        Parallel.For(0, segments, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
            RenderSegment(new ProcessorChain(rate, input.ChannelCount, instances[s]), input, output, bounds[s], bounds[s + 1], warmUp, snapshots[s], snapshots[s + 1], blockFrames));
        return instances;
    }

    /// <summary>Fixed number of segments from the length only, so the output does not depend on the machine.</summary>
    private static int SegmentsFor(long length, int sampleRate) => (int)Math.Clamp(length / (MinSegmentSeconds * sampleRate), 1, MaxSegments);

    private sealed record Snapshot(int Start, float[][] Channels);

    // Feeds input[from − warmUp, to + latency) (zeros past the end) and keeps the outputs that belong to [from, to).
    // Meters (IMeteredProcessor) restart at frame from + latency, so the segments together meter the frames
    // [0, length + latency) a single pass meters, each once: not the warm-up, which the segment before has metered.
    private static void RenderSegment(ProcessorChain chain, IPlanarSource input, IPlanarSink output, int from, int to, int warmUp, Snapshot? before, Snapshot? after, int blockFrames)
    {
        chain.Reset();
        var channels = input.ChannelCount;
        var scratch = Enumerable.Range(0, channels).Select(_ => new float[blockFrames]).ToArray();
        var latency = chain.LatencySamples;
        long start = Math.Max(0, from - warmUp);
        long end = (long)to + latency;
        long meterFrom = from == 0 ? 0 : (long)from + latency;
        var n = 0;
        for (var read = start; read < end; read += n)
        {
            // A block ends where the meters restart (processors give the same output for any block sizes).
            n = (int)Math.Min(blockFrames, end - read);
            if (read < meterFrom && read + n > meterFrom)
            {
                n = (int)(meterFrom - read);
            }

            if (read == meterFrom)
            {
                chain.ResetMeters();
            }

            for (var c = 0; c < channels; c++)
            {
                Fill(scratch[c].AsSpan(0, n), (int)read, c, input, from, to, before, after);
            }

            chain.Process(new AudioBlock(scratch, 0, n));

            // Output sample (read + i) corresponds to input sample (read + i − latency); keep those in [from, to).
            var first = (int)Math.Clamp(from + latency - read, 0, n);
            var last = (int)Math.Clamp(to + latency - read, 0, n);
            if (last <= first)
            {
                continue;
            }

            var destination = read + first - latency;
            for (var c = 0; c < channels; c++)
            {
                output.Write(c, destination, scratch[c].AsSpan(first, last - first));
            }
        }
    }

    // Input samples [read, read + n): inside the segment from the input, outside it from the boundary snapshots, zeros past the end.
    private static void Fill(Span<float> destination, int read, int channel, IPlanarSource input, int from, int to, Snapshot? before, Snapshot? after)
    {
        destination.Clear();
        var end = read + destination.Length;
        var a = Math.Max(read, from);
        var b = Math.Min(end, to);
        if (b > a)
        {
            input.Read(channel, a, destination.Slice(a - read, b - a));
        }

        if (before is not null)
        {
            Copy(destination, read, before.Channels[channel], before.Start, Math.Max(read, before.Start), Math.Min(end, from));
        }

        if (after is not null)
        {
            Copy(destination, read, after.Channels[channel], after.Start, Math.Max(read, to), Math.Min(end, after.Start + after.Channels[channel].Length));
        }
    }

    private static void Copy(Span<float> destination, int read, float[] source, int sourceStart, int a, int b)
    {
        if (b > a)
        {
            source.AsSpan(a - sourceStart, b - a).CopyTo(destination[(a - read)..]);
        }
    }
}
