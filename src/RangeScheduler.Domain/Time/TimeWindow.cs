namespace RangeScheduler.Domain.Time;

/// <summary>A half-open interval of time [Start, End), UTC.</summary>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Duration => End - Start;

    /// <summary>Half-open: windows that only touch do not overlap.</summary>
    public bool Overlaps(TimeWindow other) => Start < other.End && other.Start < End;

    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;

    /// <summary>The window grown by <paramref name="buffer"/> on both sides (a separation's time buffer).</summary>
    public TimeWindow Widen(TimeSpan buffer) => new(Start - buffer, End + buffer);

    public TimeWindow Shift(TimeSpan by) => new(Start + by, End + by);

    /// <summary>The common part, or null when the windows do not overlap.</summary>
    public TimeWindow? Intersect(TimeWindow other)
    {
        var start = Start > other.Start ? Start : other.Start;
        var end = End < other.End ? End : other.End;
        return start < end ? new TimeWindow(start, end) : null;
    }
}
