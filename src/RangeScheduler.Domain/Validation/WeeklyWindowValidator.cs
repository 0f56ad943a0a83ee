using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Domain.Validation;

/// <summary>
/// A contract <c>WeeklyWindow</c> (geo.proto): ISO day 1–7 and 0 ≤ start_minute &lt; end_minute ≤ 1440,
/// so that no window crosses midnight. <see cref="Time.OperatingSchedule"/> relies on these.
/// </summary>
public static class WeeklyWindowValidator
{
    public const int MinutesPerDay = 1440;

    /// <summary>Adds at most one violation, at <paramref name="path"/> (e.g. <c>range.operating_hours[0]</c>); false when it did.</summary>
    public static bool Validate(WeeklyWindow window, string path, ValidationErrors errors)
    {
        var problems = new List<string>(2);
        if (window.IsoDayOfWeek is < 1 or > 7)
        {
            problems.Add($"iso_day_of_week must be 1 (Monday) to 7 (Sunday); is {window.IsoDayOfWeek}");
        }
        if (window.StartMinute < 0 || window.EndMinute > MinutesPerDay || window.StartMinute >= window.EndMinute)
        {
            problems.Add($"needs 0 <= start_minute < end_minute <= {MinutesPerDay}; is {window.StartMinute} to {window.EndMinute}");
        }
        if (problems.Count == 0)
        {
            return true;
        }
        errors.Add(path, string.Join("; ", problems));
        return false;
    }

    /// <summary>Every window of a list, at <c>{path}[i]</c>; true when all are valid.</summary>
    public static bool ValidateAll(IReadOnlyList<WeeklyWindow> windows, string path, ValidationErrors errors)
    {
        var before = errors.Count;
        for (var i = 0; i < windows.Count; i++)
        {
            Validate(windows[i], $"{path}[{i}]", errors);
        }
        return errors.Count == before;
    }
}
