using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.GroundStation.Swarm;

/// <summary>
/// Fills the position batches of one stream's share of the swarm. Each vehicle's fix n is
/// due at start + n / rate and carries that time, whatever the batch interval. Reports and
/// their timestamps are pooled and refilled in place, and no LINQ or closure runs per fix,
/// so that generation stays a small part of sending 100,000 fixes a second. A vehicle more
/// than <see cref="MaxCatchUpFixes"/> behind (the sender stalled) skips the fixes it missed
/// rather than sending a burst of stale ones, as a ground station sends what is current.
/// </summary>
public sealed class SwarmStream
{
    public const int MaxCatchUpFixes = 10;

    private readonly SimulatedVehicle[] _vehicles;
    private readonly long[] _nextFix;
    private readonly List<PositionReport> _pool = [];
    private readonly double _rateHz;
    private readonly long _startUnixTicks;
    private readonly ulong _epoch;

    /// <param name="start">When fix 0 of every vehicle is due.</param>
    /// <param name="epoch">The station's numbering epoch: Unix seconds at its start.</param>
    public SwarmStream(IReadOnlyList<SimulatedVehicle> vehicles, double rateHz, DateTimeOffset start, ulong epoch)
    {
        _vehicles = [.. vehicles];
        _nextFix = new long[_vehicles.Length];
        _rateHz = rateHz;
        _startUnixTicks = start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        _epoch = epoch;
    }

    public int Vehicles => _vehicles.Length;

    /// <summary>
    /// Replaces <paramref name="batch"/>'s reports with every fix due by
    /// <paramref name="elapsed"/> after the start and not sent yet; returns how many.
    /// The reports are reused by the next call: send the batch before calling again.
    /// </summary>
    public int Fill(PositionBatch batch, TimeSpan elapsed)
    {
        batch.Reports.Clear();
        var dueThrough = (long)(elapsed.TotalSeconds * _rateHz);
        var used = 0;
        for (var v = 0; v < _vehicles.Length; v++)
        {
            var vehicle = _vehicles[v];
            var fix = Math.Max(_nextFix[v], dueThrough - MaxCatchUpFixes + 1);
            for (; fix <= dueThrough; fix++)
            {
                var report = used < _pool.Count ? _pool[used] : NewReport();
                used++;
                Set(report, vehicle, fix);
                batch.Reports.Add(report);
            }
            _nextFix[v] = fix;
        }
        return used;
    }

    private PositionReport NewReport()
    {
        var report = new PositionReport
        {
            Time = new Timestamp(),
            Epoch = _epoch,
            Source = PositionSource.Gnss,
            AltitudeReference = VerticalReference.Amsl,
        };
        _pool.Add(report);
        return report;
    }

    private void Set(PositionReport report, SimulatedVehicle vehicle, long fix)
    {
        vehicle.PositionAt(fix, out var latitude, out var longitude);
        report.BookingId = vehicle.BookingId;
        report.VehicleId = vehicle.VehicleId;
        report.Latitude = latitude;
        report.Longitude = longitude;
        report.Sequence = (ulong)fix + 1;
        report.GroundSpeedMps = (float)vehicle.SpeedMetersPerSecond;
        var ticks = _startUnixTicks + (long)(fix * TimeSpan.TicksPerSecond / _rateHz);
        report.Time.Seconds = ticks / TimeSpan.TicksPerSecond;
        report.Time.Nanos = (int)(ticks % TimeSpan.TicksPerSecond * 100);
        if (vehicle.AltitudeMeters is { } altitude)
        {
            report.AltitudeM = altitude;
            report.Status = OperationalStatus.Airborne;
        }
        else
        {
            report.ClearAltitudeM();
            report.Status = OperationalStatus.Underway;
        }
    }
}
