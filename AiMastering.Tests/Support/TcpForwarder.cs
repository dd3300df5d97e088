using System.Net;
using System.Net.Sockets;

namespace AiMastering.Tests.Support;

/// <summary>
/// A second address for a server: listens on 127.0.0.1 at a free port and copies every connection's bytes to and from
/// the target, untouched (so a request keeps the Host header its URL gave it, as behind a real proxy or NAT).
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly DnsEndPoint target;
    private readonly Task accepting;

    public TcpForwarder(string host, int port)
    {
        target = new DnsEndPoint(host, port);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ForwardAsync(inbound);
        }
    }

    private async Task ForwardAsync(TcpClient inbound)
    {
        using (inbound)
        using (var outbound = new TcpClient())
        {
            try
            {
                await outbound.ConnectAsync(target.Host, target.Port, stop.Token);
                var a = inbound.GetStream();
                var b = outbound.GetStream();
                await Task.WhenAny(CopyAsync(a, b, outbound.Client), CopyAsync(b, a, inbound.Client));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // A connection the client or server closed: nothing to forward any more.
            }
        }
    }

    private async Task CopyAsync(Stream from, Stream to, Socket toSocket)
    {
        await from.CopyToAsync(to, stop.Token);
        toSocket.Shutdown(SocketShutdown.Send);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
