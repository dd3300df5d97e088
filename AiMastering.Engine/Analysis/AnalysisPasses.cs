using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// The per-sample passes of the analysis, fed the audio block by block (blocks of any size; the whole signal at
/// once is one block): K-weighted and raw energy, DC and L·R sums (<see cref="ChannelPass"/>), sample peaks and
/// clips (<see cref="PeakScan"/>), 4× true peak (<see cref="TruePeakMeter"/>, one per channel) and, optionally,
/// the spectrum frame powers (<see cref="FramePowers"/>). Every pass carries its state across blocks, so the
/// results are the same, bit for bit, whatever the block sizes. Memory: a few values per 10 ms sub-block
/// (about 30 MB for an hour of stereo) plus fixed-size scratch. The passes of one block run in parallel.
/// </summary>
internal sealed class AnalysisPasses
{
    private readonly ChannelStats[] channels;
    private readonly ChannelPass pass;
    private readonly TruePeakMeter[] truePeaks;
    private readonly FramePowers? frames;
    private double[]? cross;

    /// <param name="lengthHint">Expected number of samples per channel (sizes the per-sub-block arrays; 0 if unknown).</param>
    /// <param name="framePowers">Also gather spectrum frame powers (for the full analysis; the loudness meter needs none).</param>
    public AnalysisPasses(int sampleRate, int channelCount, long lengthHint, bool framePowers)
    {
        if (channelCount is < 1 or > 2)
        {
            // BS.1770 channel weights for surround are not implemented; the decoder refuses such files.
            throw new ArgumentException("Only mono and stereo audio can be analyzed.", nameof(channelCount));
        }

        SampleRate = sampleRate;
        var capacity = lengthHint > 0 ? SubBlockGrid.CountFor(sampleRate, lengthHint) : 0;
        channels = [.. Enumerable.Range(0, channelCount).Select(_ => new ChannelStats(capacity))];
        var stereo = channelCount == 2;
        cross = stereo ? new double[capacity] : null;
        pass = stereo ? new ChannelPass(sampleRate, channels[0], channels[1], () => cross!) : new ChannelPass(sampleRate, channels[0]);
        truePeaks = [.. channels.Select(c => new TruePeakMeter(sampleRate, () => c.TruePeak))];
        frames = framePowers ? new FramePowers(sampleRate, stereo) : null;
    }

    public int SampleRate { get; }

    public int ChannelCount => channels.Length;

    /// <summary>Samples per channel appended so far.</summary>
    public long Length { get; private set; }

    /// <summary>Runs the passes over the next block (the block's channels must match <see cref="ChannelCount"/>).</summary>
    public void Append(AudioBlock block)
    {
        if (block.ChannelCount != channels.Length)
        {
            throw new ArgumentException($"The block has {block.ChannelCount} channels, the analysis {channels.Length}.", nameof(block));
        }

        if (block.Length == 0)
        {
            return;
        }

        var capacity = SubBlockGrid.CountFor(SampleRate, Length + block.Length);
        foreach (var c in channels)
        {
            c.EnsureCapacity(capacity);
        }

        if (cross is not null && cross.Length < capacity)
        {
            Array.Resize(ref cross, Math.Max(capacity, cross.Length * 2));
        }

        var stereo = channels.Length == 2;
        var work = new List<Action>(4)
        {
            () => pass.Append(block[0], stereo ? block[1] : []),
        };
        for (var c = 0; c < channels.Length; c++)
        {
            var index = c;
            work.Add(() => truePeaks[index].Append(block[index]));
        }

        if (frames is not null)
        {
            work.Add(() => frames.Append(block[0], stereo ? block[1] : []));
        }

        Parallel.Invoke([.. work]);
        Length += block.Length;
    }

    /// <summary>Finishes every pass at the end of the signal and returns the per-sub-block measurements.</summary>
    public PassResults Complete()
    {
        pass.Complete();
        foreach (var meter in truePeaks)
        {
            meter.Complete();
        }

        var grid = new SubBlockGrid(SampleRate, checked((int)Length));
        foreach (var c in channels)
        {
            c.Trim(grid.Count);
        }

        if (cross is not null && cross.Length != grid.Count)
        {
            Array.Resize(ref cross, grid.Count);
        }

        return new PassResults(grid, channels, cross, frames);
    }
}
