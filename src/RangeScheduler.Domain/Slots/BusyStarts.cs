namespace RangeScheduler.Domain.Slots;

/// <summary>
/// The start times at which a request would meet a blocker, as merged open intervals of UTC
/// ticks (DESIGN.md, "Booking": "merges their widened time windows with closures and closed
/// hours into busy intervals"). Open, because windows are half-open: a volume [s, s + d)
/// meets a blocker [a, b) exactly when a − d &lt; s &lt; b, so a start that makes the volume end
/// as the blocker begins, or begin as it ends, is free.
/// </summary>
internal sealed class BusyStarts
{
    private readonly List<(long After, long Before)> _added = [];
    private (long After, long Before)[]? _merged;

    /// <summary>
    /// Marks every start s with <paramref name="after"/> &lt; s &lt; <paramref name="before"/> busy;
    /// (<see cref="long.MinValue"/>, <see cref="long.MaxValue"/>) marks every start.
    /// </summary>
    public void Add(long after, long before)
    {
        // At least one tick strictly between; the first test keeps the subtraction from overflowing.
        if (after == long.MinValue || before - after > 1)
        {
            _added.Add((after, before));
            _merged = null;
        }
    }

    /// <summary>Free starts on the grid from + k·step, ascending, below <paramref name="to"/>.</summary>
    public IEnumerable<long> FreeOnGrid(long from, long to, long step)
    {
        var merged = Merged();
        var next = 0;
        var start = from;
        while (start < to)
        {
            while (next < merged.Length && merged[next].Before <= start)
            {
                next++;
            }
            if (next < merged.Length && merged[next].After < start)
            {
                var before = merged[next].Before;
                if (before >= to)
                {
                    yield break;
                }
                // The first grid point at or after the end of the busy interval.
                start = from + (before - from + step - 1) / step * step;
                continue;
            }
            yield return start;
            start += step;
        }
    }

    /// <summary>
    /// The first free start of each run of free starts, ascending, from <paramref name="from"/>
    /// and below <paramref name="to"/>: the nearest distinct alternatives, rather than one
    /// start and its neighbours a tick apart.
    /// </summary>
    public IEnumerable<long> FreeRunStarts(long from, long to)
    {
        var merged = Merged();
        var next = 0;
        var start = from;
        while (start < to)
        {
            while (next < merged.Length && merged[next].Before <= start)
            {
                next++;
            }
            if (next < merged.Length && merged[next].After < start)
            {
                start = merged[next].Before;
                continue;
            }
            yield return start;
            // This run lasts up to and including the next interval's After; the next run begins where that interval ends.
            if (next == merged.Length)
            {
                yield break;
            }
            start = merged[next].Before;
        }
    }

    /// <summary>True when some start in [<paramref name="from"/>, <paramref name="to"/>) falls inside the interval.</summary>
    public static bool Touches((long After, long Before) interval, long from, long to) =>
        Math.Max(interval.After, from - 1) < Math.Min(interval.Before, to) - 1;

    private (long After, long Before)[] Merged()
    {
        if (_merged is not null)
        {
            return _merged;
        }
        var merged = new List<(long After, long Before)>();
        foreach (var interval in _added.OrderBy(i => i.After))
        {
            // Joined only when they share a start: (a, b) and (b, c) leave b itself free.
            if (merged.Count > 0 && interval.After < merged[^1].Before)
            {
                merged[^1] = (merged[^1].After, Math.Max(merged[^1].Before, interval.Before));
            }
            else
            {
                merged.Add(interval);
            }
        }
        return _merged = merged.ToArray();
    }
}
