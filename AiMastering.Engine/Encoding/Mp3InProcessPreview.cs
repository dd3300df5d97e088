using System.Runtime.ExceptionServices;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// One encode of the preview in this process, with its true-peak check, as a queue of small jobs on as many threads
/// as there are cores: every part's LAME encode first (in order), and the decode of each part's stretch of the
/// joined stream (<see cref="Mp3PreviewDecoder.MeasureInProcess"/>) as soon as the parts it reads are encoded — so
/// while the last parts are still being encoded, the free cores already decode the first ones, and no core waits
/// at the end of one phase for the start of the next. Without ffmpeg there is no process to start per part, so the
/// preview is cut into more parts than cores (<see cref="Mp3SegmentPlan.DefaultSegmentCount"/>), which keeps the
/// cores evenly busy while the engine's own work (the master's verification, master.wav) shares them. The first
/// failure cancels the rest and is the one thrown.
/// </summary>
internal static class Mp3InProcessPreview
{
    public static async Task<(JoinedMp3 Mp3, double TruePeakDbtp)> EncodeAsync(Func<IPlanarSource> openMaster, Mp3SegmentPlan plan, string mp3Path, float gain, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        var n = plan.Segments.Count;
        var encoded = new Task<ReadOnlyMemory<byte>>[n];
        for (var k = 0; k < n; k++)
        {
            var segment = plan.Segments[k];
            encoded[k] = InSlotAsync(
                slots,
                () =>
                {
                    var master = openMaster();
                    try
                    {
                        return Mp3SegmentEncoder.EncodeInProcess(master, segment, gain, stop.Token);
                    }
                    finally
                    {
                        (master as IDisposable)?.Dispose();
                    }
                },
                stop);
        }

        var peaks = new Task<float>[n];
        for (var k = 0; k < n; k++)
        {
            peaks[k] = MeasureAfterAsync(plan, k, encoded, slots, stop);
        }

        try
        {
            await Task.WhenAll(encoded).ConfigureAwait(false);
            var joined = Mp3SegmentJoiner.Join(plan, [.. encoded.Select(e => e.Result)], mp3Path);
            await Task.WhenAll(peaks).ConfigureAwait(false);
            var peak = peaks.Max(p => p.Result);
            return (joined, peak <= 0 ? double.NegativeInfinity : 20 * Math.Log10(peak));
        }
        catch (Exception e)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(peaks.Concat<Task>(encoded)).ContinueWith(t => _ = t.Exception, TaskScheduler.Default).ConfigureAwait(false); // observed: no UnobservedTaskException
            try
            {
                File.Delete(mp3Path); // never leave a preview whose true peak was not checked
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The job's folder may be gone already (a cancelled job); the cause below is what matters.
            }

            var cause = encoded.Concat<Task>(peaks).Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(x => x is not OperationCanceledException) ?? e;
            ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    // Part k's own kept frames, decoded after the last WarmUpFrames kept frames of part k − 1 (the joined stream's).
    private static async Task<float> MeasureAfterAsync(Mp3SegmentPlan plan, int k, Task<ReadOnlyMemory<byte>>[] encoded, SemaphoreSlim slots, CancellationTokenSource stop)
    {
        await Task.WhenAll(encoded[0], encoded[Math.Max(0, k - 1)], encoded[k]).ConfigureAwait(false);
        return await InSlotAsync(
            slots,
            () =>
            {
                var segment = plan.Segments[k];
                var own = new PartFrames(encoded[k].Result, k, segment);
                var until = segment.KeepUntil ?? own.End;
                var from = segment.KeepFrom;
                var fed = k == 0 ? 0 : Math.Max(plan.Segments[k - 1].KeepFrom, from - Mp3PreviewDecoder.WarmUpFrames);
                // Fed to the decoder in place, one piece after the other: no copy of the part's frames.
                var pieces = new List<ReadOnlyMemory<byte>>(2);
                if (fed < from)
                {
                    pieces.Add(new PartFrames(encoded[k - 1].Result, k - 1, plan.Segments[k - 1]).Slice(fed, from));
                }

                pieces.Add(own.Slice(from, until));
                var first = encoded[0].Result.Span;
                if (!Mp3FrameHeader.TryParse(first, out var format))
                {
                    throw new InvalidDataException("preview part 1 does not start with its tag frame.");
                }

                var delay = LameInfoTag.EncoderDelay(first[..format.FrameLength], format);
                return Mp3PreviewDecoder.MeasureInProcess(
                    pieces,
                    format.SampleRate,
                    format.Channels,
                    plan.PreviewLength,
                    fed,
                    from,
                    until,
                    delay + Mp3SegmentPlan.DecoderDelay,
                    first: k == 0,
                    last: k == plan.Segments.Count - 1,
                    stop.Token);
            },
            stop).ConfigureAwait(false);
    }

    // A part's frames by stream frame: its own frame j is stream frame FirstFrame + j (after part 1's tag frame).
    private sealed class PartFrames(ReadOnlyMemory<byte> part, int index, Mp3Segment segment)
    {
        private readonly List<Mp3Frame> frames = Mp3FrameReader.Read(part.Span, $"preview part {index + 1}");
        private readonly int skip = index == 0 ? 1 : 0;

        /// <summary>The stream frame after this part's last.</summary>
        public int End => segment.FirstFrame + frames.Count - skip;

        /// <summary>The bytes of stream frames [from, until).</summary>
        public ReadOnlyMemory<byte> Slice(int from, int until)
        {
            if (from < segment.FirstFrame || until > End || from >= until)
            {
                throw new InvalidDataException($"preview part {index + 1} has no frames {from} to {until}.");
            }

            return part[frames[from - segment.FirstFrame + skip].Offset..frames[until - 1 - segment.FirstFrame + skip].End];
        }
    }

    private static async Task<T> InSlotAsync<T>(SemaphoreSlim slots, Func<T> work, CancellationTokenSource stop)
    {
        await slots.WaitAsync(stop.Token).ConfigureAwait(false);
        try
        {
            return await Task.Factory.StartNew(work, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            slots.Release();
        }
    }
}
