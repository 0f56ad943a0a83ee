using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Server;

namespace RangeScheduler.Benchmarks.Transport;

/// <summary>
/// Unary calls per second with 1 and 32 concurrent callers, and small-message bidirectional
/// throughput, through our client and server over real HTTP/2 on loopback, in one process.
/// </summary>
public static class TransportBenchmark
{
    public static async Task RunAsync(TimeSpan duration, TextWriter output)
    {
        await using var server = await StartServerAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        output.WriteLine($"transport benchmark: {Environment.ProcessorCount} cores, {duration.TotalSeconds:0} s per scenario, {DateTime.UtcNow:yyyy-MM-dd}");
        foreach (var callers in new[] { 1, 32 })
        {
            await UnaryAsync(channel, callers, TimeSpan.FromSeconds(1));
            var rate = await UnaryAsync(channel, callers, duration);
            output.WriteLine($"unary, {callers,2} callers:            {rate,12:N0} calls/s");
        }
        foreach (var streams in new[] { 1, 4 })
        {
            await PipeAsync(channel, streams, TimeSpan.FromSeconds(1));
            var rate = await PipeAsync(channel, streams, duration);
            output.WriteLine($"bidi small messages, {streams} stream(s): {rate,12:N0} msgs/s (echoed, counted on receipt)");
        }
    }

    private static async Task<double> UnaryAsync(GrpcChannel channel, int callers, TimeSpan duration)
    {
        long calls = 0;
        var stopwatch = Stopwatch.StartNew();
        var until = stopwatch.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var ping = new Ping { Id = 1, Note = "ping" };
            while (stopwatch.Elapsed < until)
            {
                await channel.AsyncUnaryCall(BenchService.UnaryMethod, ping);
                Interlocked.Increment(ref calls);
            }
        })));
        return calls / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<double> PipeAsync(GrpcChannel channel, int streams, TimeSpan duration)
    {
        long received = 0;
        var stopwatch = Stopwatch.StartNew();
        var until = stopwatch.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Task.Run(async () =>
        {
            using var call = channel.AsyncDuplexStreamingCall(BenchService.PipeMethod);
            var reading = Task.Run(async () =>
            {
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    Interlocked.Increment(ref received);
                }
            });
            var ping = new Ping { Note = "position" };
            ulong id = 0;
            while (stopwatch.Elapsed < until)
            {
                for (var i = 0; i < 1000; i++)
                {
                    ping.Id = id++;
                    await call.RequestStream.WriteAsync(ping);
                }
            }
            await call.RequestStream.CompleteAsync();
            await reading;
        })));
        return received / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<BenchServer> StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ConfigureGrpcDefaults());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddGrpcTransport();
        builder.Services.AddRouting();
        var app = builder.Build();
        app.MapGrpcService<BenchService>(BenchService.Descriptor);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BenchServer(app, address);
    }

    private sealed class BenchServer(WebApplication app, string address) : IAsyncDisposable
    {
        public string Address { get; } = address;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
