using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Streaming;

/// <summary>
/// Two stages over a stream of planar blocks on two threads: the producer (the calling thread: decode, or read +
/// render) fills a block while the consumer (analysis, spill or WAV writing) works on the previous one. A few
/// block buffers circulate, so memory stays at <c>Depth</c> blocks. An error on either side stops both and is
/// rethrown; so is cancellation.
/// </summary>
internal static class BlockPipeline
{
    public const int Depth = 3;

    /// <param name="produce">Fills the given arrays (one per channel, <paramref name="blockFrames"/> long) and returns the block to consume, or null at the end.</param>
    /// <param name="consume">Uses a block; the arrays return to the producer afterwards.</param>
    public static void Run(int channels, int blockFrames, Func<float[][], AudioBlock?> produce, Action<AudioBlock> consume, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(produce);
        ArgumentNullException.ThrowIfNull(consume);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var full = new BlockingCollection<(float[][] Arrays, AudioBlock Block)>(Depth);
        using var free = new BlockingCollection<float[][]>();
        for (var i = 0; i < Depth + 1; i++)
        {
            free.Add([.. Enumerable.Range(0, channels).Select(_ => new float[blockFrames])], ct);
        }

        var consumer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var (arrays, block) in full.GetConsumingEnumerable(stop.Token))
                    {
                        consume(block);
                        free.Add(arrays, stop.Token);
                    }
                }
                catch
                {
                    stop.Cancel();
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Exception? producerError = null;
        try
        {
            while (true)
            {
                var arrays = free.Take(stop.Token);
                if (produce(arrays) is not { } block)
                {
                    break;
                }

                full.Add((arrays, block), stop.Token);
            }
        }
        catch (Exception e)
        {
            producerError = e;
            stop.Cancel();
        }
        finally
        {
            full.CompleteAdding();
        }

        try
        {
            consumer.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // Inspected below.
        }

        ct.ThrowIfCancellationRequested();
        if (consumer.Exception?.InnerException is { } consumerError && consumerError is not OperationCanceledException)
        {
            ExceptionDispatchInfo.Throw(consumerError);
        }

        if (producerError is not null)
        {
            ExceptionDispatchInfo.Throw(producerError);
        }
    }
}
