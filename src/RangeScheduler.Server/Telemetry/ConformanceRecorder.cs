using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Logging;
using RangeScheduler.Storage;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Writes each change of a booking's conformance to the booking — under its range's turn,
/// without increasing its version (the contract: conformance changes do not) — so that every
/// process and GetBooking see it, and tells WatchBookings and the bus (change CONFORMANCE).
/// A change that no longer holds by the time it is written (the booking ended, or moved on
/// again) is skipped.
/// </summary>
public sealed class ConformanceRecorder(ConformanceDispatch dispatch, RangeDesk desk, BookingEventHub events, ILogger<ConformanceRecorder> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (rangeId, change) in dispatch.Changes.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var at = DateTimeOffset.MinValue;
                var written = await desk.DecideAsync(rangeId, (book, now) =>
                {
                    at = now;
                    var booking = book.Find(change.BookingId);
                    if (booking is null || booking.State != BookingState.Active || booking.Conformance == change.State)
                    {
                        return new LedgerDecision<Booking?>(LedgerWrite.Nothing, null);
                    }
                    var changed = booking with { Conformance = change.State };
                    return new LedgerDecision<Booking?>(new LedgerWrite([changed], [], [], []), changed);
                }, stoppingToken).ConfigureAwait(false);
                if (written is not null)
                {
                    events.Publish(written, V1.BookingChange.Conformance, at);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ServerLog.ConformanceNotRecorded(log, change.BookingId, e);
            }
        }
    }
}
