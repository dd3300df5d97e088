namespace AiMastering.Engine.Encoding;

/// <summary>Runs jobs in parallel; the first one to fail cancels the others (killing their ffmpeg processes), and its exception is the one thrown.</summary>
internal static class FailFast
{
    public static async Task<T[]> WhenAllAsync<T>(IEnumerable<Func<CancellationToken, Task<T>>> jobs, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = jobs.Select(job => Task.Run(
            async () =>
            {
                try
                {
                    return await job(stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            },
            stop.Token)).ToArray();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
