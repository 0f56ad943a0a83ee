using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Builders;

/// <summary>Volume4Ds for tests; bands default to the sea surface up to 100 m.</summary>
public static class Volumes
{
    public static Volume4D Of(Footprint footprint, TimeWindow window, double lowerMeters = 0, double upperMeters = 100) =>
        new(footprint, new VerticalBand(lowerMeters, upperMeters), window);

    /// <summary>
    /// A <paramref name="sideMeters"/> square at <paramref name="east"/>/<paramref name="north"/>
    /// metres from <paramref name="origin"/>, for <paramref name="window"/>.
    /// </summary>
    public static Volume4D Square(
        GeoPoint origin, double sideMeters, TimeWindow window, double east = 0, double north = 0,
        double lowerMeters = 0, double upperMeters = 100) =>
        Of(Footprints.Square(origin, sideMeters, east, north), window, lowerMeters, upperMeters);

    /// <summary>
    /// A <paramref name="sideMeters"/> square at <paramref name="east"/>/<paramref name="north"/>
    /// metres from Wanshan's centre, from <paramref name="fromHours"/> to <paramref name="toHours"/>
    /// hours after <see cref="TestTimes.Now"/>.
    /// </summary>
    public static Volume4D WanshanSquare(
        double sideMeters, double fromHours, double toHours, double east = 0, double north = 0,
        double lowerMeters = 0, double upperMeters = 100) =>
        Square(Places.WanshanCentre, sideMeters, TestTimes.Hours(fromHours, toHours), east, north, lowerMeters, upperMeters);

    /// <summary>A disc of <paramref name="radiusMeters"/> at <paramref name="east"/>/<paramref name="north"/> metres from <paramref name="origin"/>.</summary>
    public static Volume4D Circle(
        GeoPoint origin, double radiusMeters, TimeWindow window, double east = 0, double north = 0,
        double lowerMeters = 0, double upperMeters = 100) =>
        Of(Footprints.Circle(origin, radiusMeters, east, north), window, lowerMeters, upperMeters);
}
