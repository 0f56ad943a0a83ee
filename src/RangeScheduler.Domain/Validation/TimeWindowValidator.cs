using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Validation;

/// <summary>
/// The time rules of DESIGN.md "Geometry" for a contract <c>TimeWindow</c>. An unset
/// timestamp reaches the domain as <c>default(DateTimeOffset)</c>, which no real window uses.
/// </summary>
public static class TimeWindowValidator
{
    /// <summary>How far ahead a booking may start (DESIGN.md, "Geometry").</summary>
    public static readonly TimeSpan BookingHorizon = TimeSpan.FromDays(30);

    /// <summary>
    /// Both ends set and start &lt; end. Adds at most one violation, at <paramref name="path"/>
    /// (e.g. <c>volumes[0].window</c>); true when there was none.
    /// </summary>
    public static bool Validate(TimeWindow window, string path, ValidationErrors errors)
    {
        var startSet = window.Start != default;
        var endSet = window.End != default;
        if (!startSet && !endSet)
        {
            errors.Add(path, "is required: set start and end");
            return false;
        }
        if (!startSet || !endSet)
        {
            errors.Add(path, $"{(startSet ? "end" : "start")} is required: a window needs both ends");
            return false;
        }
        if (window.Start >= window.End)
        {
            errors.Add(path, $"start {window.Start:O} is not before end {window.End:O}");
            return false;
        }
        return true;
    }

    /// <summary>
    /// <see cref="Validate"/>, and the window has not ended by <paramref name="now"/> (the
    /// half-open end equal to now counts as ended).
    /// </summary>
    public static bool ValidateNotEnded(TimeWindow window, string path, DateTimeOffset now, ValidationErrors errors)
    {
        if (!Validate(window, path, errors))
        {
            return false;
        }
        if (window.End <= now)
        {
            errors.Add(path, $"ended at {window.End:O}, before now ({now:O})");
            return false;
        }
        return true;
    }

    /// <summary>
    /// <see cref="ValidateNotEnded"/>, and the window starts and ends no later than
    /// <see cref="BookingHorizon"/> after <paramref name="now"/>. A window may have started already: a change to a session
    /// in progress keeps its start.
    /// </summary>
    public static bool ValidateBookable(TimeWindow window, string path, DateTimeOffset now, ValidationErrors errors)
    {
        if (!ValidateNotEnded(window, path, now, errors))
        {
            return false;
        }
        if (window.Start > now + BookingHorizon)
        {
            errors.Add(path, $"starts at {window.Start:O}, more than {BookingHorizon.TotalDays:0} days after now ({now:O})");
            return false;
        }
        // The whole window lies within the horizon: a window that ran on for years would be
        // "more than 30 days ahead" in part, and would make every check of it walk years of
        // operating hours.
        if (window.End > now + BookingHorizon)
        {
            errors.Add(path, $"ends at {window.End:O}, more than {BookingHorizon.TotalDays:0} days after now ({now:O})");
            return false;
        }
        return true;
    }

    /// <summary>
    /// For a window that passed <see cref="ValidateBookable"/> at an earlier now: whether it
    /// still would at <paramref name="now"/>. Start &lt; end holds already, so only the end
    /// needs comparing with both limits.
    /// </summary>
    public static bool StillBookable(TimeWindow window, DateTimeOffset now) =>
        window.End > now && window.End <= now + BookingHorizon;
}
