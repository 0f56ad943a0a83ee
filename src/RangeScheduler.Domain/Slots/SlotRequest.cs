using RangeScheduler.Domain.Bookings;
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
