namespace AiMastering.Tests.Infrastructure;

public sealed class AsyncDisposable(Func<ValueTask> dispose) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => dispose();
}
