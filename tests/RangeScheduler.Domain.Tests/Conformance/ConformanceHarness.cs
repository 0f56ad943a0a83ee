using NetTopologySuite.Geometries;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>
/// A <see cref="RangeConformance"/> on a test range with fixes written as metre offsets (east,
/// north) from the range's centre and seconds after <see cref="TestTimes.Now"/>. Alert ids are
/// "alert-1", "alert-2", … Each call returns the outcome of that call alone.
/// </summary>
public sealed class ConformanceHarness
{
    private readonly LocalProjection _projection;
    private readonly ConformanceOutcome _outcome = new();
    private int _ids;

    /// <param name="range">Default: Wanshan (300 m / 30 m separation, 5 s link timeout).</param>
    public ConformanceHarness(TestRange? range = null)
    {
        Plane = new RangePlane(range ?? TestRanges.Wanshan());
        _projection = Plane.Projection;
        Engine = new RangeConformance(Plane, () => $"alert-{++_ids}");
    }

    public RangePlane Plane { get; }

    public RangeConformance Engine { get; }

    public GeoPoint Centre => _projection.Center;

    /// <summary>
    /// An ACTIVE booking with one USV "&lt;id&gt;-usv" (or the vehicles given) and, by default, a
    /// 1 km square around the centre from 0 to 100 m, for the first two hours.
    /// </summary>
    public Booking Booking(string id, IReadOnlyList<Volume4D>? volumes = null, params Vehicle[] vehicles) => new()
    {
        Id = id,
        RangeId = Plane.Range.Id,
        OrganizationId = "oceanalpha",
        Vehicles = vehicles.Length > 0 ? vehicles : [new Vehicle($"{id}-usv", VehicleKind.Usv, "M80")],
        Volumes = volumes ?? [Volumes.Square(Centre, 1000, TestTimes.Hours(0, 2))],
        State = BookingState.Active,
    };

    public ConformanceOutcome Track(Booking booking) => Run(outcome => Engine.Track(booking, outcome));

    public ConformanceOutcome Forget(string bookingId) => Run(outcome => Engine.Forget(bookingId, outcome));

    public ConformanceOutcome CheckLinks(double seconds) => Run(outcome => Engine.CheckLinks(At(seconds), outcome));

    /// <summary>One fix of the booking's first vehicle "&lt;booking&gt;-usv", received when taken.</summary>
    public ConformanceOutcome Report(string bookingId, double seconds, double east, double north, double? height = 0) =>
        Observe(Fix(bookingId, $"{bookingId}-usv", seconds, east, north, height));

    public ConformanceOutcome Observe(params Fix[] fixes) => Run(outcome => Engine.Observe(fixes, outcome));

    public Fix Fix(string bookingId, string vehicleId, double seconds, double east, double north, double? height = 0,
        double? nextReportBySeconds = null) =>
        new(bookingId, vehicleId, At(seconds), At(seconds), Point(east, north), height,
            nextReportBySeconds is { } next ? At(next) : null);

    public GeoPoint Point(double east, double north) => _projection.Unproject(new Coordinate(east, north));

    public static DateTimeOffset At(double seconds) => TestTimes.Now.AddSeconds(seconds);

    private ConformanceOutcome Run(Action<ConformanceOutcome> call)
    {
        _outcome.Clear();
        call(_outcome);
        return _outcome;
    }
}

/// <summary>Short ways to read an outcome in assertions.</summary>
public static class OutcomeReading
{
    /// <summary>The alerts' kinds in order, e.g. "LeftVolume Resolved".</summary>
    public static string Kinds(this ConformanceOutcome outcome) => string.Join(" ", outcome.Alerts.Select(a => a.Kind));

    public static ConformanceAlert Single(this ConformanceOutcome outcome, AlertKind kind) => outcome.Alerts.Single(a => a.Kind == kind);

    public static ConformanceState[] States(this ConformanceOutcome outcome) => outcome.Changes.Select(c => c.State).ToArray();
}
