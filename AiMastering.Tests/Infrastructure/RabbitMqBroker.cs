using System.Diagnostics;

namespace AiMastering.Tests.Infrastructure;

/// <summary>Stops and starts the test broker's application (clients see a broker restart).</summary>
public static class RabbitMqBroker
{
    public static async Task RestartAsync(TimeSpan downtime, CancellationToken cancellationToken)
    {
        await CtlAsync("stop-node", cancellationToken);
        await Task.Delay(downtime, cancellationToken);
        await CtlAsync("start-node", cancellationToken);
    }

    public static async Task CtlAsync(string command, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(TestServices.RabbitMqCtl, command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("rabbitmqctl did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
