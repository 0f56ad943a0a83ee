using System.Net;
using System.Net.Sockets;

namespace RangeScheduler.Grpc.Tests.Interop;

/// <summary>
/// A loopback TCP relay that counts the bytes it forwards each way. grpcio does not tell
/// its caller whether a message went compressed, so the interop tests measure it on the wire.
/// </summary>
public sealed class ByteCountingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private long _toServer;
    private long _toClient;

    public ByteCountingRelay(Uri upstream)
    {
        _upstream = new IPEndPoint(IPAddress.Parse(upstream.Host), upstream.Port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>host:port to point the client at.</summary>
    public string Target => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Bytes the client sent, counted before they are passed on.</summary>
    public long BytesToServer => Interlocked.Read(ref _toServer);

    /// <summary>Bytes the server sent, counted before they are passed on.</summary>
    public long BytesToClient => Interlocked.Read(ref _toClient);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }
        await Task.WhenAll(connections);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_connections)
            {
                _connections.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_upstream, _stopping.Token);
                var fromClient = client.GetStream();
                var fromServer = server.GetStream();
                await Task.WhenAll(
                    CopyAsync(fromClient, fromServer, server.Client, bytes => Interlocked.Add(ref _toServer, bytes)),
                    CopyAsync(fromServer, fromClient, client.Client, bytes => Interlocked.Add(ref _toClient, bytes)));
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // Either side hung up or the relay is stopping: nothing more to forward.
            }
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, Socket toSocket, Action<int> count)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stopping.Token)) > 0)
        {
            // Counted before forwarding, so the count is final by the time the other side has the bytes.
            count(read);
            await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
        }
        // Pass the half-close on, as HTTP/2 peers may rely on it to finish the connection.
        toSocket.Shutdown(SocketShutdown.Send);
    }
}
