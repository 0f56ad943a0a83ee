using NetTopologySuite.Geometries;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Benchmarks.Conflicts;

/// <summary>
/// Random bookings and requests on one Wanshan-sized range, from a fixed seed: squares of
/// 0.1–2 km anywhere in the 31 × 26 km main part of the (illustrative) Wanshan boundary,
/// windows of 30 min–4 h starting anywhere in 30 days, bands of 10–50 m between -100 m and
/// 300 m. Separation as Wanshan's: 300 m / 30 m / 5 min.
/// </summary>
/// <remarks>
/// The range is Wanshan's except that it is open around the clock and has no session limit:
/// a million bookings in 30 days means about 3,000 sessions at once, which no limit of 12
/// would have let in, and random windows would otherwise mostly fall outside the hours.
/// </remarks>
internal sealed class ConflictWorkload
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Days = TimeSpan.FromDays(30);

    private readonly Random _random;
    private readonly RangePlane _plane;
    private readonly Envelope _area;

    public ConflictWorkload(int seed)
    {
        _random = new Random(seed);
        Range = new TestRange
        {
            Id = "zhuhai-wanshan",
            Name = "Wanshan, benchmark",
            Domain = RangeDomain.AirAndSea,
            Boundary = new PolygonFootprint(
            [
                new(21.675, 113.625), new(21.675, 113.925), new(21.911, 113.925), new(21.911, 113.76),
                new(21.99, 113.76), new(21.99, 113.695), new(21.911, 113.695), new(21.911, 113.625),
            ]),
            VerticalLimits = new VerticalBand(-100, 300),
            TimeZone = "Asia/Shanghai",
            Separation = new Separation(300, 30, TimeSpan.FromMinutes(5)),
        };
        _plane = new RangePlane(Range);
        var south = _plane.Projection.Project(new GeoPoint(21.675, 113.775));
        var north = _plane.Projection.Project(new GeoPoint(21.911, 113.775));
        var west = _plane.Projection.Project(new GeoPoint(21.8, 113.625));
        var east = _plane.Projection.Project(new GeoPoint(21.8, 113.925));
        // A little inside the boundary, so that requests are not refused for leaving it.
        _area = new Envelope(west.X + 100, east.X - 100, south.Y + 100, north.Y - 100);
    }

    public TestRange Range { get; }

    public Booking Booking(int index)
    {
        var volume = Volume();
        return new Booking
        {
            Id = $"b-{index}",
            RangeId = Range.Id,
            OrganizationId = $"org-{index % 500}",
            Vehicles = [new Vehicle($"v-{index % 50_000}", VehicleKind.Usv, "bench")],
            Volumes = [volume],
            State = BookingState.Confirmed,
        };
    }

    public BookingRequest Request(int index) =>
        new("bench", [new Vehicle($"q-{index}", VehicleKind.Usv, "bench")], [Volume()], Priority.Normal, null);

    private Volume4D Volume()
    {
        var side = 100 + _random.NextDouble() * 1900;
        var x = _area.MinX + _random.NextDouble() * (_area.Width - side);
        var y = _area.MinY + _random.NextDouble() * (_area.Height - side);
        var corners = new[] { (x, y), (x + side, y), (x + side, y + side), (x, y + side) }
            .Select(c => _plane.Projection.Unproject(new Coordinate(c.Item1, c.Item2)))
            .ToList();
        var duration = TimeSpan.FromMinutes(30 + _random.Next(0, 211));
        var start = Now + TimeSpan.FromMinutes(_random.Next(1, (int)(Days - duration).TotalMinutes));
        var lower = -100 + _random.NextDouble() * 350;
        var band = new VerticalBand(lower, Math.Min(300, lower + 10 + _random.NextDouble() * 40));
        return new Volume4D(new PolygonFootprint(corners), band, new TimeWindow(start, start + duration));
    }
}
