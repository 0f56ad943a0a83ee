namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// Opens a log with the reader its format needs: <c>.tlog</c> files are MAVLink; text with
/// any !AIVDM or !AIVDO sentence is AIS; other text is NMEA GGA/RMC.
/// </summary>
public static class TrackLogs
{
    public static IEnumerable<TrackFix> Read(string path)
    {
        if (path.EndsWith(".tlog", StringComparison.OrdinalIgnoreCase))
        {
            using var binary = File.OpenRead(path);
            foreach (var fix in new MavlinkLogReader().Read(binary))
            {
                yield return fix;
            }
            yield break;
        }
        var ais = File.ReadLines(path).Any(line => line.Contains("!AIVDM", StringComparison.Ordinal) || line.Contains("!AIVDO", StringComparison.Ordinal));
        using var text = File.OpenText(path);
        var fixes = ais ? new AisLogReader().Read(text) : new NmeaLogReader().Read(text);
        foreach (var fix in fixes)
        {
            yield return fix;
        }
    }

    /// <summary>
    /// The fixes of one vehicle of the log: <paramref name="vehicleKey"/>'s, or when it is
    /// null the vehicle with the most fixes (AIS logs hold many vessels).
    /// </summary>
    public static IReadOnlyList<TrackFix> TrackOf(IEnumerable<TrackFix> fixes, string? vehicleKey)
    {
        var byVehicle = fixes.GroupBy(f => f.VehicleKey).ToDictionary(g => g.Key, g => g.ToList());
        if (vehicleKey is not null)
        {
            return byVehicle.TryGetValue(vehicleKey, out var track)
                ? Rebased(track)
                : throw new ArgumentException($"The log has no fixes of vehicle '{vehicleKey}'; it has {string.Join(", ", byVehicle.Keys.Take(20))}.", nameof(vehicleKey));
        }
        return byVehicle.Count == 0 ? [] : Rebased(byVehicle.Values.MaxBy(t => t.Count)!);
    }

    /// <summary>Offsets from this vehicle's first fix rather than the log's, so a replay starts with its first fix.</summary>
    private static List<TrackFix> Rebased(List<TrackFix> track)
    {
        var first = track[0].Offset;
        return track.ConvertAll(f => f with { Offset = f.Offset - first });
    }
}
