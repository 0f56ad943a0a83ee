using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Time;

/// <summary>
/// Weekly local hours (a range's operating hours, a zone's active hours) as UTC windows. Local
/// times follow the contract's <c>WeeklyWindow</c>: windows do not cross midnight, an end of 1440
/// is the next midnight, local times skipped by a daylight-saving change add nothing and
/// repeated ones count once (see <see cref="WallClock"/>). An empty list means always open.
/// Thread-safe; each local day is converted once and cached, so a 30-day query costs about 30
/// dictionary look-ups.
/// </summary>
public sealed class OperatingSchedule
{
    /// <summary>Enough for years of queries; beyond it the cache starts again rather than grow without bound.</summary>
    private const int MaxCachedDays = 4096;

    private readonly (int Start, int End)[][] _minutesByIsoDay;
    private readonly WallClock _clock;
    private readonly ConcurrentDictionary<DateOnly, TimeWindow[]> _days = new();

    /// <exception cref="ArgumentException">A window breaks the <c>WeeklyWindow</c> rules, or the time zone is not a known IANA id.</exception>
    public OperatingSchedule(IReadOnlyList<WeeklyWindow> windows, string timeZoneId)
    {
        var errors = new ValidationErrors();
        WeeklyWindowValidator.ValidateAll(windows, "windows", errors);
        if (!errors.IsEmpty)
        {
            throw new ArgumentException(string.Join("; ", errors.Violations), nameof(windows));
        }
        if (!TryFindTimeZone(timeZoneId, out var zone))
        {
            throw new ArgumentException($"\"{timeZoneId}\" is not a known IANA time zone", nameof(timeZoneId));
        }
        _clock = new WallClock(zone);
        _minutesByIsoDay = Enumerable.Range(0, 8)
            .Select(day => MergeMinutes(windows.Where(w => w.IsoDayOfWeek == day)))
            .ToArray();
        IsAlwaysOpen = windows.Count == 0 ||
            _minutesByIsoDay.Skip(1).All(day => day is [(0, WeeklyWindowValidator.MinutesPerDay)]);
    }

    public TimeZoneInfo TimeZone => _clock.Zone;

    /// <summary>No windows were given (or every day is open from midnight to midnight).</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>
    /// Finds a zone by IANA id ("Asia/Shanghai"). Windows ids, which .NET would also accept,
    /// are refused: the contract speaks IANA and other systems reading the range would too.
    /// </summary>
    public static bool TryFindTimeZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone) && zone.HasIanaId;
    }

    /// <summary>True when open throughout <paramref name="window"/>; an empty window is covered.</summary>
    public bool Covers(TimeWindow window) =>
        window.Start >= window.End || OpenWithin(window) is [var open] && open == window;

    /// <summary>
    /// True when open at <paramref name="instant"/>. Does not allocate once the days around it are
    /// cached: the conformance engine asks this for every fix that comes near a zone.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }
        // The day before and after, for the same reasons as in OpenWithin.
        var date = LocalDate(instant);
        for (var day = date.AddDays(-1); day <= date.AddDays(1); day = day.AddDays(1))
        {
            foreach (var window in OpenOn(day))
            {
                if (window.Contains(instant))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The open parts of <paramref name="window"/>: ascending, disjoint, not touching.</summary>
    public IReadOnlyList<TimeWindow> OpenWithin(TimeWindow window)
    {
        if (window.Start >= window.End)
        {
            return [];
        }
        if (IsAlwaysOpen)
        {
            return [window];
        }
        var open = new List<TimeWindow>();
        // A day before and after: a day's windows can end past its local midnight by up to a
        // daylight-saving shift, and the local date of an instant in a repeated hour is ambiguous.
        var last = LocalDate(window.End).AddDays(1);
        for (var date = LocalDate(window.Start).AddDays(-1); date <= last; date = date.AddDays(1))
        {
            foreach (var day in OpenOn(date))
            {
                if (day.Intersect(window) is { } part)
                {
                    TimeWindows.AppendMerging(open, part);
                }
            }
        }
        return open;
    }

    /// <summary>The closed parts of <paramref name="window"/>: ascending, disjoint, not touching.</summary>
    public IReadOnlyList<TimeWindow> ClosedWithin(TimeWindow window) =>
        window.Start >= window.End ? [] : TimeWindows.Complement(OpenWithin(window), window);

    private DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    private TimeWindow[] OpenOn(DateOnly date)
    {
        if (_days.TryGetValue(date, out var cached))
        {
            return cached;
        }
        if (_days.Count >= MaxCachedDays)
        {
            _days.Clear();
        }
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var windows = _minutesByIsoDay[IsoDay(date)]
            .Select(m => new TimeWindow(
                _clock.FirstInstantShowing(midnight.AddMinutes(m.Start)),
                _clock.FirstInstantShowing(midnight.AddMinutes(m.End))))
            .Where(w => w.Start < w.End)
            .ToArray();
        return _days[date] = windows;
    }

    private static int IsoDay(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    /// <summary>One day's windows as ascending, disjoint minute ranges; overlapping or touching ones are joined.</summary>
    private static (int Start, int End)[] MergeMinutes(IEnumerable<WeeklyWindow> windows)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var window in windows.OrderBy(w => w.StartMinute))
        {
            if (merged.Count > 0 && merged[^1].End >= window.StartMinute)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, window.EndMinute));
            }
            else
            {
                merged.Add((window.StartMinute, window.EndMinute));
            }
        }
        return merged.ToArray();
    }
}
