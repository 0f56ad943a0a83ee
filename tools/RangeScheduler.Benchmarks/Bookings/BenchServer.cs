using RangeScheduler.Benchmarks.Support;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.Benchmarks.Bookings;

/// <summary>
/// The real server (<see cref="BenchmarkHost"/>) with the given store, and open ranges made for the benchmark: 40 km squares with no separation, hours,
/// capacity or vehicle limits, so that every booking of distinct space and time is confirmed.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly BenchmarkHost _host;

    private BenchServer(BenchmarkHost host) => _host = host;

    public GrpcChannel Channel => _host.Channel;

    public static async Task<BenchServer> StartAsync(string store, int ranges)
    {
        var server = new BenchServer(await BenchmarkHost.StartAsync([$"--RangeScheduler:Store={store}"], _ => { }));
        var client = new RangeServiceClient(server.Channel);
        for (var i = 0; i < ranges; i++)
        {
            await client.UpsertRangeAsync(new UpsertRangeRequest { Range = OpenRange(RangeId(i)) }, As("root"));
        }
        return server;
    }

    public static string RangeId(int index) => $"bench-{index}";

    /// <summary>A call as a development identity, whose key is "dev-" and its id.</summary>
    public static CallOptions As(string principal) => BenchmarkHost.As("dev-" + principal);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

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
