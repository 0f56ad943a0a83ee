using System.Globalization;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Builders;

/// <summary>Fixed instants for tests: the domain reads no clock, so every test passes its own "now".</summary>
public static class TestTimes
{
    /// <summary>Monday 2 March 2026, 00:00 UTC (08:00 in Zhuhai, when Wanshan opens).</summary>
    public static readonly DateTimeOffset Now = Utc(2026, 3, 2);

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>The window from <paramref name="fromHours"/> to <paramref name="toHours"/> hours after <see cref="Now"/>.</summary>
    public static TimeWindow Hours(double fromHours, double toHours) =>
        new(Now.AddHours(fromHours), Now.AddHours(toHours));

    /// <summary>
    /// A window in ISO 8601 interval notation, "2026-03-28T22:00Z/2026-03-29T21:00Z"; an offset
    /// other than Z is allowed ("2026-03-02T08:00+08:00/2026-03-02T18:00+08:00").
    /// </summary>
    public static TimeWindow Interval(string isoInterval)
    {
        var ends = isoInterval.Split('/');
        return new TimeWindow(Parse(ends[0]), Parse(ends[1]));
    }

    /// <summary>Several <see cref="Interval"/>s separated by spaces; an empty string is none.</summary>
    public static IReadOnlyList<TimeWindow> Intervals(string isoIntervals) =>
        isoIntervals.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Interval).ToList();

    private static DateTimeOffset Parse(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
