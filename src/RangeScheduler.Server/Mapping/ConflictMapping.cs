using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Mapping;

/// <summary>
/// Conflicts to the contract. The domain describes another organisation's booking only by
/// id, state, window and distances, and nothing is added here (contract <c>Conflict</c>).
/// </summary>
internal static class ConflictMapping
{
    public static V1.Conflict ToContract(Conflict conflict)
    {
        var contract = new V1.Conflict
        {
            Kind = EnumMapping.ToContract<ConflictKind, V1.Conflict.Types.Kind>(conflict.Kind),
            OtherId = conflict.OtherId,
            HorizontalGapM = conflict.HorizontalGapMeters,
            VerticalGapM = conflict.VerticalGapMeters,
            RequiredHorizontalM = conflict.RequiredHorizontalMeters,
            RequiredVerticalM = conflict.RequiredVerticalMeters,
            Message = conflict.Message,
            VehicleId = conflict.VehicleId,
            OtherState = conflict.OtherState is { } state ? EnumMapping.ToContract<BookingState, V1.BookingState>(state) : V1.BookingState.Unspecified,
            Overlap = conflict.Overlap is { } overlap ? GeoMapping.ToContract(overlap) : null,
        };
        if (conflict.VolumeIndex is { } index)
        {
            contract.VolumeIndex = (uint)index;
        }
        return contract;
    }

    public static V1.Rejection Rejection(IEnumerable<Conflict> conflicts, IEnumerable<DateTimeOffset> suggestedStarts)
    {
        var rejection = new V1.Rejection();
        rejection.Conflicts.Add(conflicts.Select(ToContract));
        rejection.SuggestedStarts.Add(suggestedStarts.Select(GeoMapping.ToContract));
        return rejection;
    }
}
