using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Hosting;

namespace RangeScheduler.Benchmarks.Support;

/// <summary>
/// The real server, wired as Program.cs wires it, on a free loopback port, with a channel to
/// it: what each benchmark's server (its store, bus, identities and ranges) is started on.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchmarkHost(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.Single());
        Channel = GrpcChannel.ForAddress(Address);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    /// <param name="settings">Command-line configuration, as for the server.</param>
    /// <param name="logging">What the benchmark shows of the server's log, its providers cleared first.</param>
    public static async Task<BenchmarkHost> StartAsync(IEnumerable<string> settings, Action<ILoggingBuilder> logging)
    {
        var builder = RangeSchedulerHosting.CreateBuilder(["--urls=http://127.0.0.1:0", .. settings]);
        logging(builder.Logging.ClearProviders());
        builder.AddRangeScheduler();
        var app = builder.Build();
        app.MapRangeScheduler();
        await app.StartAsync();
        return new BenchmarkHost(app);
    }

    /// <summary>A call as the holder of <paramref name="apiKey"/>.</summary>
    public static CallOptions As(string apiKey) => new(Headers: new Metadata { { "authorization", "Bearer " + apiKey } });

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
