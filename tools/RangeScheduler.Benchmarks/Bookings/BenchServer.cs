using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Hosting;

namespace RangeScheduler.Benchmarks.Bookings;

/// <summary>
/// The real server, wired as Program.cs wires it, on a free loopback port with the given
/// store, and open ranges made for the benchmark: 40 km squares with no separation, hours,
/// capacity or vehicle limits, so that every booking of distinct space and time is confirmed.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchServer(WebApplication app)
    {
        _app = app;
        Channel = GrpcChannel.ForAddress(app.Urls.Single());
    }

    public GrpcChannel Channel { get; }

    public static async Task<BenchServer> StartAsync(string store, int ranges)
    {
        var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:0", $"--RangeScheduler:Store={store}"]);
        builder.Logging.ClearProviders();
        builder.AddRangeScheduler();
        var app = builder.Build();
        app.MapRangeScheduler();
        await app.StartAsync();
        var server = new BenchServer(app);
        var client = new RangeServiceClient(server.Channel);
        for (var i = 0; i < ranges; i++)
        {
            await client.UpsertRangeAsync(new UpsertRangeRequest { Range = OpenRange(RangeId(i)) }, As("root"));
        }
        return server;
    }

    public static string RangeId(int index) => $"bench-{index}";

    public static CallOptions As(string principal) =>
        new(Headers: new Metadata { { "authorization", "Bearer dev-" + principal } });

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TestRange OpenRange(string id)
    {
        var boundary = new Ring();
        foreach (var (lat, lon) in new[] { (20.82, 113.80), (20.82, 114.20), (21.18, 114.20), (21.18, 113.80) })
        {
            boundary.Points.Add(new LatLng { Latitude = lat, Longitude = lon });
        }
        return new TestRange
        {
            Id = id,
            Name = "benchmark range " + id,
            Domain = RangeDomain.AirAndSea,
            Boundary = new Polygon { Exterior = boundary },
            VerticalLimits = new VerticalBand { LowerM = -100, UpperM = 500 },
            TimeZone = "Asia/Shanghai",
            Separation = new Separation(),
        };
    }
}
