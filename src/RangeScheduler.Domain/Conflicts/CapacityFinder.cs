using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// <c>max_concurrent_sessions</c> (<see cref="ConflictKind.Capacity"/>): at no instant may
/// more sessions than that run on the range, counting the request. A session is a booking
/// that holds space, from its first start to its last end; space does not matter.
/// </summary>
internal static class CapacityFinder
{
    /// <param name="excluded">Bookings not to count: the one being changed, and those the request would pre-empt.</param>
    public static void Find(RangeState range, Probe probe, IReadOnlySet<string> excluded, List<Finding> into)
    {
        var max = range.Rules.Range.MaxConcurrentSessions;
        if (max <= 0)
        {
            return;
        }
        var sessions = new List<TimeWindow>();
        range.Sessions.Overlapping(probe.Session, excluded, sessions);
        if (sessions.Count < max)
        {
            return;
        }
        foreach (var full in FullPeriods(sessions, probe.Session, max))
        {
            var message = $"range {range.Rules.Range.Id} is at its limit of {max} concurrent sessions "
                + $"from {ConflictText.Instant(full.Start)} to {ConflictText.Instant(full.End)}";
            into.Add(new Finding(new Conflict(ConflictKind.Capacity, null, "", full, message), full));
        }
    }

    /// <summary>
    /// The parts of <paramref name="within"/> where at least <paramref name="max"/> sessions
    /// run, by a sweep over their starts and ends: ascending, disjoint, not touching.
    /// </summary>
    private static List<TimeWindow> FullPeriods(List<TimeWindow> sessions, TimeWindow within, int max)
    {
        var events = new List<(DateTimeOffset At, int Change)>(sessions.Count * 2);
        foreach (var session in sessions)
        {
            events.Add((session.Start > within.Start ? session.Start : within.Start, +1));
            events.Add((session.End < within.End ? session.End : within.End, -1));
        }
        // Ends before starts at the same instant: half-open sessions that only touch never run together.
        events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Change.CompareTo(b.Change));
        var full = new List<TimeWindow>();
        var running = 0;
        DateTimeOffset? fullSince = null;
        foreach (var (at, change) in events)
        {
            running += change;
            if (running >= max && fullSince is null)
            {
                fullSince = at;
            }
            else if (running < max && fullSince is { } since)
            {
                TimeWindows.AppendMerging(full, new TimeWindow(since, at));
                fullSince = null;
            }
        }
        return full;
    }
}
