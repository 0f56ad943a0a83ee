namespace RangeScheduler.Domain.Time;

/// <summary>
/// Maps a local time of a time zone to a UTC instant the way the contract's
/// <c>WeeklyWindow</c> asks: the first instant at which the zone's clock shows that local time
/// or a later one. A local time that does not exist (skipped when clocks go forward) maps to
/// the instant of the change, so it adds no time; a repeated one (clocks go back) maps to its
/// first occurrence, so a window opens once. A window thus opens when the clock first shows
/// its start and closes when it first shows its end: one ending at 04:00 on the night Helsinki
/// goes from 04:00 back to 03:00 stays open through the repeated hour. The map never
/// decreases, so splitting a local window in two never changes the UTC time it covers.
/// </summary>
internal sealed class WallClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <param name="local">A time in <see cref="Zone"/>; its <see cref="DateTime.Kind"/> must be Unspecified.</param>
    public DateTimeOffset FirstInstantShowing(DateTime local)
    {
        if (Zone.IsInvalidTime(local))
        {
            return InstantOfGap(local);
        }
        // Of a repeated time's offsets, the larger one gives the earlier instant.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return Utc(local.Ticks - offset.Ticks);
    }

    /// <summary>
    /// The instant the clock jumped over <paramref name="local"/>. Found by bisection between the
    /// instants that local time would have under the offsets before and after the jump: exact to
    /// the tick, and needed only twice a year, for the few windows that touch the jump.
    /// </summary>
    private DateTimeOffset InstantOfGap(DateTime local)
    {
        // A day either side is far enough to be past the jump and, in every real zone, short of the next one.
        var before = Zone.GetUtcOffset(local.AddDays(-1));
        var after = Zone.GetUtcOffset(local.AddDays(1));
        if (after <= before)
        {
            return Utc(local.Ticks - before.Ticks);
        }
        var earlier = local.Ticks - after.Ticks;
        var later = local.Ticks - before.Ticks;
        while (later - earlier > 1)
        {
            var middle = earlier + (later - earlier) / 2;
            if (Zone.GetUtcOffset(new DateTime(middle, DateTimeKind.Utc)) == before)
            {
                earlier = middle;
            }
            else
            {
                later = middle;
            }
        }
        return Utc(later);
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
