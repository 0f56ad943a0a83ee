using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;
using RangeScheduler.GroundStation.Logs;

namespace RangeScheduler.GroundStation.Replay;

/// <summary>A log fix moved onto a booking and re-timed for sending.</summary>
/// <param name="Due">When to send it, after the replay's start.</param>
/// <param name="AltitudeMeters">Above mean sea level; null when the log had none (sea vessels).</param>
public sealed record PlacedFix(
    TimeSpan Due, double Latitude, double Longitude, double? AltitudeMeters,
    double? SpeedMetersPerSecond, double? CourseDegrees, double? HeadingDegrees);

/// <summary>
/// Moves a logged track onto a target point keeping its shape and timing. Each fix's east
/// and north metres from the track's first fix (on a plane tangent there) are laid out the
/// same way from the target (on a plane tangent there), so the first fix lands on the target
/// and distances and bearings between fixes stay as logged. Times are the log's offsets
/// divided by the replay speed (0: all due at once). Speeds are multiplied by it, so that
/// the reported speed matches how fast the positions move.
/// </summary>
public static class TrackPlacer
{
    /// <summary>
    /// Heights: a track whose altitudes all lie in <paramref name="band"/> keeps them; any
    /// other is shifted as a whole so that the middle of its altitude span is the middle of the
    /// band, keeping its climbs and descents.
    /// </summary>
    public static IReadOnlyList<PlacedFix> Place(
        IReadOnlyList<TrackFix> track, double targetLatitude, double targetLongitude, VerticalBand? band, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(speed);
        if (track.Count == 0)
        {
            return [];
        }
        var origin = new LocalTangentPlane(track[0].Latitude, track[0].Longitude);
        var target = new LocalTangentPlane(targetLatitude, targetLongitude);
        var shift = VerticalShift(track, band);
        var placed = new PlacedFix[track.Count];
        for (var i = 0; i < track.Count; i++)
        {
            var fix = track[i];
            var (east, north) = origin.ToLocal(fix.Latitude, fix.Longitude);
            var (latitude, longitude) = target.ToGeodetic(east, north);
            placed[i] = new PlacedFix(
                speed == 0 ? TimeSpan.Zero : fix.Offset / speed,
                latitude,
                longitude,
                fix.AltitudeMeters + shift,
                fix.SpeedMetersPerSecond * (speed == 0 ? 1 : speed),
                fix.CourseDegrees,
                fix.HeadingDegrees);
        }
        return placed;
    }

    private static double VerticalShift(IReadOnlyList<TrackFix> track, VerticalBand? band)
    {
        double lowest = double.MaxValue, highest = double.MinValue;
        foreach (var fix in track)
        {
            if (fix.AltitudeMeters is { } altitude)
            {
                lowest = Math.Min(lowest, altitude);
                highest = Math.Max(highest, altitude);
            }
        }
        if (band is null || lowest > highest || (lowest >= band.LowerM && highest <= band.UpperM))
        {
            return 0;
        }
        return (band.LowerM + band.UpperM) / 2 - (lowest + highest) / 2;
    }
}
