namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// Reads fixes from NMEA 0183 GGA and RMC sentences of any talker ($GP, $GN, …). A receiver
/// sends both for each epoch, so sentences with the same time of day make one fix: its
/// position from the first of them, the altitude (above mean sea level) from GGA, speed and
/// course from RMC. RMC carries the date; GGA's time of day is joined to the last RMC date,
/// and a GGA before any RMC has no date (<see cref="TrackFix.Time"/> null). Sentences with a
/// bad checksum, a void RMC (status V) and a GGA without a fix (quality 0) are skipped.
/// </summary>
public sealed class NmeaLogReader
{
    private const string VehicleKey = "1";

    public IEnumerable<TrackFix> Read(TextReader log)
    {
        var clock = new NmeaClock();
        TrackFix? pending = null;
        TimeSpan pendingTimeOfDay = default;
        while (log.ReadLine() is { } line)
        {
            if (!NmeaSentence.TryParse(line, out var sentence) || !TryRead(sentence, clock, out var timeOfDay, out var fix))
            {
                continue;
            }
            if (pending is not null && timeOfDay == pendingTimeOfDay)
            {
                pending = Merge(pending, fix);
                continue;
            }
            if (pending is not null)
            {
                yield return pending;
            }
            pending = fix;
            pendingTimeOfDay = timeOfDay;
        }
        if (pending is not null)
        {
            yield return pending;
        }
    }

    private static bool TryRead(NmeaSentence sentence, NmeaClock clock, out TimeSpan timeOfDay, out TrackFix fix)
    {
        fix = null!;
        var f = sentence.Fields;
        switch (sentence.Formatter)
        {
            case "RMC" when f.Length >= 10 && f[2] == "A"
                && NmeaFields.TryTimeOfDay(f[1], out timeOfDay) && NmeaFields.TryDate(f[9], out var date)
                && NmeaFields.TryAngle(f[3], f[4], 2, out var lat) && NmeaFields.TryAngle(f[5], f[6], 3, out var lon):
                var (offset, time) = clock.Advance(timeOfDay, date);
                fix = new TrackFix(offset, time, lat, lon, null,
                    NmeaFields.Number(f[7]) * Geo.Units.KnotsToMetersPerSecond, NmeaFields.Number(f[8]), null,
                    LogKind.Nmea, VehicleKey);
                return true;
            case "GGA" when f.Length >= 10 && f[6] is not ("" or "0")
                && NmeaFields.TryTimeOfDay(f[1], out timeOfDay)
                && NmeaFields.TryAngle(f[2], f[3], 2, out var ggaLat) && NmeaFields.TryAngle(f[4], f[5], 3, out var ggaLon):
                var (ggaOffset, ggaTime) = clock.Advance(timeOfDay, null);
                fix = new TrackFix(ggaOffset, ggaTime, ggaLat, ggaLon, NmeaFields.Number(f[9]), null, null, null,
                    LogKind.Nmea, VehicleKey);
                return true;
            default:
                timeOfDay = default;
                return false;
        }
    }

    /// <summary>The earlier sentence of the epoch keeps its position; the later one adds what it alone carries.</summary>
    private static TrackFix Merge(TrackFix first, TrackFix second) => first with
    {
        Time = first.Time ?? second.Time,
        AltitudeMeters = first.AltitudeMeters ?? second.AltitudeMeters,
        SpeedMetersPerSecond = first.SpeedMetersPerSecond ?? second.SpeedMetersPerSecond,
        CourseDegrees = first.CourseDegrees ?? second.CourseDegrees,
    };
}
