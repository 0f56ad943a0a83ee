namespace RangeScheduler.Domain.Time;

/// <summary>Sets of half-open windows kept as ascending, disjoint lists: merging and complements.</summary>
public static class TimeWindows
{
    /// <summary>
    /// The union as ascending, disjoint windows. Windows that overlap or only touch become one,
    /// since [a, b) ∪ [b, c) is [a, c); empty windows are dropped.
    /// </summary>
    public static IReadOnlyList<TimeWindow> Merge(IEnumerable<TimeWindow> windows)
    {
        var merged = new List<TimeWindow>();
        foreach (var window in windows.Where(w => w.Start < w.End).OrderBy(w => w.Start))
        {
            AppendMerging(merged, window);
        }
        return merged;
    }

    /// <summary>
    /// Appends a window that starts no earlier than the last one in <paramref name="ascending"/>,
    /// joining it to the last when they overlap or touch. Empty windows are ignored.
    /// </summary>
    public static void AppendMerging(List<TimeWindow> ascending, TimeWindow window)
    {
        if (window.Start >= window.End)
        {
            return;
        }
        if (ascending.Count > 0 && ascending[^1].End >= window.Start)
        {
            var last = ascending[^1];
            ascending[^1] = last with { End = window.End > last.End ? window.End : last.End };
            return;
        }
        ascending.Add(window);
    }

    /// <summary>The parts of <paramref name="within"/> not covered by <paramref name="ascendingDisjoint"/>, ascending.</summary>
    public static IReadOnlyList<TimeWindow> Complement(IReadOnlyList<TimeWindow> ascendingDisjoint, TimeWindow within)
    {
        var gaps = new List<TimeWindow>();
        var cursor = within.Start;
        foreach (var window in ascendingDisjoint)
        {
            if (window.End <= cursor)
            {
                continue;
            }
            if (window.Start >= within.End)
            {
                break;
            }
            if (window.Start > cursor)
            {
                gaps.Add(new TimeWindow(cursor, window.Start));
            }
            cursor = window.End;
        }
        if (cursor < within.End)
        {
            gaps.Add(new TimeWindow(cursor, within.End));
        }
        return gaps;
    }
}
