using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The sessions of one range in time alone, for <c>max_concurrent_sessions</c>: a booking
/// that holds space is a session from its first start to its last end (the contract's
/// ACTIVE state spans exactly that). The time levels of <see cref="GridLevels"/>, one cell
/// per session, so that finding the sessions that overlap a window costs what they cost,
/// not what the range's whole history costs. Not thread-safe, like <see cref="BookingIndex"/>.
/// </summary>
internal sealed class SessionTimeline
{
    private readonly Dictionary<long, Dictionary<string, TimeWindow>>[] _levels;
    private readonly int[] _counts = new int[GridLevels.TimeLevelCount];
    private readonly Dictionary<string, (int Level, long Cell)> _placeOf = new(StringComparer.Ordinal);

    public SessionTimeline()
    {
        _levels = new Dictionary<long, Dictionary<string, TimeWindow>>[GridLevels.TimeLevelCount];
        for (var i = 0; i < _levels.Length; i++)
        {
            _levels[i] = [];
        }
    }

    /// <summary>Adds the booking's session, or moves it when the booking was there already.</summary>
    public void Put(string bookingId, TimeWindow span)
    {
        Remove(bookingId);
        var level = GridLevels.TimeLevelFor(span.End.UtcTicks - span.Start.UtcTicks);
        var cell = GridLevels.TimeIndex(span.Start.UtcTicks, GridLevels.CellTicksAt(level));
        if (!_levels[level].TryGetValue(cell, out var sessions))
        {
            sessions = new Dictionary<string, TimeWindow>(StringComparer.Ordinal);
            _levels[level].Add(cell, sessions);
        }
        sessions.Add(bookingId, span);
        _placeOf.Add(bookingId, (level, cell));
        _counts[level]++;
    }

    public void Remove(string bookingId)
    {
        if (!_placeOf.Remove(bookingId, out var place))
        {
            return;
        }
        var sessions = _levels[place.Level][place.Cell];
        sessions.Remove(bookingId);
        if (sessions.Count == 0)
        {
            _levels[place.Level].Remove(place.Cell);
        }
        _counts[place.Level]--;
    }

    /// <summary>Adds to <paramref name="into"/> the sessions overlapping <paramref name="window"/> (half-open), except those in <paramref name="excluded"/>.</summary>
    public void Overlapping(TimeWindow window, IReadOnlySet<string> excluded, List<TimeWindow> into)
    {
        long start = window.Start.UtcTicks, end = window.End.UtcTicks;
        for (var level = 0; level < _levels.Length; level++)
        {
            if (_counts[level] == 0)
            {
                continue;
            }
            var cellTicks = GridLevels.CellTicksAt(level);
            // As in BookingIndex: no session here is longer than a cell, so one cell back suffices.
            var first = GridLevels.TimeIndex(start - cellTicks, cellTicks);
            var last = GridLevels.TimeIndex(end, cellTicks);
            if (last - first + 1 >= _levels[level].Count)
            {
                foreach (var sessions in _levels[level].Values)
                {
                    Collect(sessions, start, end, excluded, into);
                }
                continue;
            }
            for (var cell = first; cell <= last; cell++)
            {
                if (_levels[level].TryGetValue(cell, out var sessions))
                {
                    Collect(sessions, start, end, excluded, into);
                }
            }
        }
    }

    private static void Collect(Dictionary<string, TimeWindow> sessions, long start, long end, IReadOnlySet<string> excluded, List<TimeWindow> into)
    {
        foreach (var (bookingId, span) in sessions)
        {
            if (span.Start.UtcTicks < end && start < span.End.UtcTicks && !excluded.Contains(bookingId))
            {
                into.Add(span);
            }
        }
    }
}
