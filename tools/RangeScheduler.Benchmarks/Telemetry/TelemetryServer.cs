using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RangeScheduler.Benchmarks.Support;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.Benchmarks.Telemetry;

/// <summary>
/// The real server in a process of its own (<see cref="ServerProcess"/>) with its own temporary SQLite file, the in-process bus or the given
/// redis-server, and one sea range made for the run (<see cref="RangeId"/>) with a controller who may watch it.
/// </summary>
internal sealed class TelemetryServer : IAsyncDisposable
{
    public const string RangeId = "telemetry-bench";
    public const string OperatorKey = "dev-ops-oceanalpha";
    public const string StationKey = "dev-gs-oceanalpha-1";
    public const string ControllerKey = "dev-ctl-telemetry-bench";

    private readonly DirectoryInfo _folder;

    private TelemetryServer(ServerProcess process, Uri address, DirectoryInfo folder)
    {
        Process = process;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
        _folder = folder;
    }

    public ServerProcess Process { get; }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    /// <param name="redis">A StackExchange.Redis configuration, or null for the in-process bus.</param>
    public static async Task<TelemetryServer> StartAsync(string? redis, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("rangescheduler-telemetry-bench-");
        var principals = Path.Combine(folder.FullName, "principals.json");
        await File.WriteAllTextAsync(principals, PrincipalsJson());
        var settings = new List<string>
        {
            $"--RangeScheduler:Store=Data Source={Path.Combine(folder.FullName, "bench.db")}",
            $"--RangeScheduler:Principals={principals}",
        };
        if (redis is not null)
        {
            settings.Add($"--RangeScheduler:Redis={redis}");
        }
        var (process, address) = await ServerProcess.StartAsync(settings, output);
        var server = new TelemetryServer(process, address, folder);
        await new RangeServiceClient(server.Channel).UpsertRangeAsync(new UpsertRangeRequest { Range = SeaRange() }, As("dev-root"));
        return server;
    }

    public static CallOptions As(string key) => BenchmarkHost.As(key);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Process.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>
    /// The development identities the run needs, plus a controller of the benchmark's range,
    /// which seeds/identities.json cannot have (DESIGN.md "Identities": the key's hex SHA-256).
    /// </summary>
    private static string PrincipalsJson()
    {
        static object Entry(string id, string role, string? organization = null, string[]? ranges = null) => new Dictionary<string, object?>
        {
            ["id"] = id,
            ["role"] = role,
            ["organization"] = organization,
            ["ranges"] = ranges,
            ["api_key_sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("dev-" + id))),
        }.Where(field => field.Value is not null).ToDictionary();
        return JsonSerializer.Serialize(new[]
        {
            Entry("ops-oceanalpha", "operator", organization: "oceanalpha"),
            Entry("gs-oceanalpha-1", "ground_station", organization: "oceanalpha"),
            Entry("ctl-telemetry-bench", "controller", ranges: [RangeId]),
            Entry("root", "admin"),
        });
    }

    /// <summary>
    /// A 20 km square of sea, open around the clock, USVs only, 10 m separation: room for the
    /// swarm's 100 squares of 500 m (SwarmBookingSource spaces them separation + 50 m apart),
    /// which Jaakonmeri (about 17 × 7 km, 500 m separation) does not have.
    /// </summary>
    private static TestRange SeaRange()
    {
        const double latitude = 60.0, longitude = 21.0, halfDegreesNorth = 0.09, halfDegreesEast = 0.18;
        var boundary = new Ring();
        foreach (var (dy, dx) in new[] { (-1, -1), (-1, 1), (1, 1), (1, -1) })
        {
            boundary.Points.Add(new LatLng { Latitude = latitude + dy * halfDegreesNorth, Longitude = longitude + dx * halfDegreesEast });
        }
        return new TestRange
        {
            Id = RangeId,
            Name = "telemetry benchmark sea",
            Domain = RangeDomain.Sea,
            Boundary = new Polygon { Exterior = boundary },
            VerticalLimits = new VerticalBand { LowerM = -60, UpperM = 0 },
            TimeZone = "Europe/Helsinki",
            Separation = new Separation { HorizontalM = 10 },
            AllowedVehicleKinds = { VehicleKind.Usv },
        };
    }
}
