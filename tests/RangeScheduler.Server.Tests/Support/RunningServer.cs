using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Hosting;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>
/// The real server, wired as Program.cs wires it, listening on a free loopback port, with a
/// channel to it and its log. Arguments are command-line configuration, as for the server.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly TempDirectory _data;

    private RunningServer(WebApplication app, LogCapture logs, GrpcChannel channel, TempDirectory data)
    {
        _app = app;
        _data = data;
        Logs = logs;
        Channel = channel;
    }

    public LogCapture Logs { get; }

    public GrpcChannel Channel { get; }

    /// <summary>The server's services, for tests that look behind the contract (the job store, say).</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="args">Later arguments win, so <c>--urls=https://…</c> replaces the default http one.</param>
    /// <param name="handler">For the channel, e.g. one that trusts a test certificate.</param>
    public static async Task<RunningServer> StartAsync(string[]? args = null, HttpMessageHandler? handler = null)
    {
        // Each server gets its own SQLite file, so tests neither share nor keep bookings.
        var data = new TempDirectory();
        var builder = CreateBuilder(["--urls=http://127.0.0.1:0", $"--RangeScheduler:Store={data.SqliteStore}", .. args ?? []]);
        var logs = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddRangeScheduler();
        var app = builder.Build();
        app.MapRangeScheduler();
        await app.StartAsync();
        // Port 0 asks the system for a free port; Urls holds the one it gave.
        var channel = GrpcChannel.ForAddress(app.Urls.Single(), new GrpcChannelOptions { HttpHandler = handler });
        return new RunningServer(app, logs, channel, data);
    }

    /// <summary>A builder as Program.cs makes it, with the test binaries' folder as content root unless told otherwise.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string? contentRoot = null) =>
        RangeSchedulerHosting.CreateBuilder(args, contentRoot ?? AppContext.BaseDirectory);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
