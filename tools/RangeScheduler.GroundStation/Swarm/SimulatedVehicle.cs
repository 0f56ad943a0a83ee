namespace RangeScheduler.GroundStation.Swarm;

/// <summary>
/// One simulated vehicle: a <see cref="FlightPattern"/> scaled into the circle its volume
/// holds, flown at a constant speed, and for a straying vehicle one excursion outside the
/// volume and back. Positions come from a precomputed table, so computing one costs a few
/// multiplications and no allocation.
/// </summary>
public sealed class SimulatedVehicle
{
    private readonly PatternTable _table;
    private readonly double _centreLatitude;
    private readonly double _centreLongitude;
    private readonly double _latitudePerUnit;   // degrees of latitude per pattern radius
    private readonly double _longitudePerUnit;
    private readonly double _pointsPerFix;
    private readonly double _firstPoint;
    private readonly StrayPlan? _stray;

    internal SimulatedVehicle(
        string bookingId, string vehicleId, FlightPattern pattern, double? altitudeMeters, double speedMetersPerSecond,
        (double Latitude, double Longitude) centre, double radiusMeters, double metersPerDegreeNorth, double metersPerDegreeEast,
        double rateHz, double phase, StrayPlan? stray)
    {
        BookingId = bookingId;
        VehicleId = vehicleId;
        Pattern = pattern;
        AltitudeMeters = altitudeMeters;
        SpeedMetersPerSecond = speedMetersPerSecond;
        _table = PatternTable.Of(pattern);
        (_centreLatitude, _centreLongitude) = centre;
        _latitudePerUnit = radiusMeters / metersPerDegreeNorth;
        _longitudePerUnit = radiusMeters / metersPerDegreeEast;
        _pointsPerFix = speedMetersPerSecond / rateHz * PatternTable.Points / (_table.Length * radiusMeters);
        _firstPoint = phase * PatternTable.Points;
        _stray = stray;
    }

    public string BookingId { get; }

    public string VehicleId { get; }

    public FlightPattern Pattern { get; }

    /// <summary>The middle of the booked band; null for vessels, which report no height.</summary>
    public double? AltitudeMeters { get; }

    public double SpeedMetersPerSecond { get; }

    public bool Strays => _stray is not null;

    /// <summary>The position of the vehicle's <paramref name="fix"/>-th fix (0 at the start).</summary>
    public void PositionAt(long fix, out double latitude, out double longitude)
    {
        var point = (int)((_firstPoint + fix * _pointsPerFix) % PatternTable.Points);
        var x = _table.X[point];
        var y = _table.Y[point];
        if (_stray is { } stray && fix >= stray.FirstFix && fix < stray.EndFix)
        {
            // Straight out to the point beyond the edge, wait there, straight back.
            var f = stray.Fraction(fix);
            x += (stray.X - x) * f;
            y += (stray.Y - y) * f;
        }
        latitude = _centreLatitude + y * _latitudePerUnit;
        longitude = _centreLongitude + x * _longitudePerUnit;
    }
}
