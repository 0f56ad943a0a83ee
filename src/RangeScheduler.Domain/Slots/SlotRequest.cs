using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Slots;

/// <summary>
/// A search for free start times of volumes that move together in time (contract
/// <c>FindSlotsRequest</c>): starts s with <c>SearchWindow.Start ≤ s &lt; SearchWindow.End</c>,
/// on a grid of <see cref="Step"/> from <c>SearchWindow.Start</c>.
/// </summary>
/// <param name="MaxResults">How many starts to return at most; 0: 5.</param>
/// <param name="Step">The granularity of start times; zero: 1 minute.</param>
/// <param name="IgnoreBookingId">An existing booking looking for a new time: it does not block itself.</param>
public sealed record SlotRequest(
    string OrganizationId,
    IReadOnlyList<Vehicle> Vehicles,
    IReadOnlyList<RelativeVolume> Volumes,
    TimeWindow SearchWindow,
    int MaxResults,
    TimeSpan Step,
    string? IgnoreBookingId,
    Priority Priority)
{
    public const int DefaultMaxResults = 5;

    public static readonly TimeSpan DefaultStep = TimeSpan.FromMinutes(1);

    public int EffectiveMaxResults => MaxResults == 0 ? DefaultMaxResults : MaxResults;

    public TimeSpan EffectiveStep => Step == TimeSpan.Zero ? DefaultStep : Step;
}

/// <summary>A volume placed in time relative to the start of a slot: it occupies [start + Offset, start + Offset + Duration).</summary>
/// <param name="Offset">After the slot's start; ≥ 0.</param>
/// <param name="Duration">&gt; 0.</param>
public sealed record RelativeVolume(Footprint Footprint, VerticalBand Vertical, TimeSpan Offset, TimeSpan Duration);

/// <summary>The answer to a slot search.</summary>
/// <param name="Starts">Free starts, ascending, at most the number asked for.</param>
/// <param name="Blocking">
/// When fewer starts than asked were found: what blocks the rest of the search window, one
/// conflict per (volume, blocker), its overlap the time the blocker holds within the search.
/// </param>
public sealed record SlotSearch(IReadOnlyList<DateTimeOffset> Starts, IReadOnlyList<Conflict> Blocking);
