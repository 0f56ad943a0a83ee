using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RangeScheduler.Telemetry.Tests.Support;

/// <summary>
/// A throw-away redis-server (Debian package <c>redis-server</c>) on a free loopback port, with
/// nothing saved to disk. It can be stopped (SIGKILL, as a crash) and started again on the same
/// port, for the outage tests; disposing stops it by its process id and deletes its folder.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Program = "/usr/bin/redis-server";

    private readonly string _directory = Directory.CreateTempSubdirectory("rangescheduler-redis-").FullName;
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>CPU time the running server has used so far (zero while stopped), for the telemetry benchmark.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (_process is not { } process)
            {
                return TimeSpan.Zero;
            }
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <exception cref="InvalidOperationException">redis-server is not installed, or did not answer PING within 10 s.</exception>
    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is missing: install the Debian package redis-server.");
        }
        var server = new RedisServer(FreeLoopbackPort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port, empty, and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Program)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--save", "", "--appendonly", "no", "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        // Drained so that a chatty server never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await AnswersPingAsync())
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server by its process id, as a crash would, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
