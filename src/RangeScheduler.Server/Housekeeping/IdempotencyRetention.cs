using RangeScheduler.Server.Bookings;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Housekeeping;

/// <summary>
/// Idempotency keys past the retention age. Keys are honoured for
/// <see cref="BookingCommands.IdempotencyWindow"/> only, so a retention shorter than that
/// window is stretched to it: a retry within the window must still find its first answer.
/// </summary>
public sealed class IdempotencyRetention(IBookingStore bookings, TimeProvider time) : IRetentionTask
{
    public string Name => "idempotency keys";

    public Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var stillHonoured = time.GetUtcNow() - BookingCommands.IdempotencyWindow;
        return bookings.PruneIdempotencyAsync(cutoff < stillHonoured ? cutoff : stillHonoured, cancellationToken);
    }
}
