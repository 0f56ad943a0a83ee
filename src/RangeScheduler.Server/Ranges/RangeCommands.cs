using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Storage;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Ranges;

/// <summary>
/// UpsertRange: an administrator creates a range or replaces its definition. Bookings the
/// new definition breaks are kept, listed, and their owners told (CLOSURE_OVERLAP).
/// </summary>
public sealed class RangeCommands(IRangeStore ranges, RangeDesk desk, BookingEventHub events, TimeProvider time)
{
    public async Task<V1.UpsertRangeResponse> UpsertAsync(V1.UpsertRangeRequest request, CancellationToken cancellationToken)
    {
        var range = RangeMapping.ToDomain(request.Range, "range");
        RangeValidator.Validate(range, "range");
        var expected = (long)request.ExpectedVersion;
        var broken = expected == 0
            ? []
            : await desk.ReadAsync(range.Id, (book, _) => book.BrokenBy(range), cancellationToken).ConfigureAwait(false);
        var stored = await ranges.UpsertAsync(range, expected, cancellationToken).ConfigureAwait(false);
        // The book was built on the old definition: the next decision builds it on the new one.
        desk.Forget(stored.Id);
        var now = time.GetUtcNow();
        foreach (var booking in broken)
        {
            events.Publish(booking, V1.BookingChange.ClosureOverlap, now);
        }
        var response = new V1.UpsertRangeResponse { Range = RangeMapping.ToContract(stored) };
        response.AffectedBookingIds.Add(broken.Select(b => b.Id));
        return response;
    }
}
