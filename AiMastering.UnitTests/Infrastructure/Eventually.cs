namespace AiMastering.UnitTests.Infrastructure;

public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout) =>
        TrueAsync(() => Task.FromResult(condition()), timeout);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
