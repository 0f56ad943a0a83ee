using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>
/// A WatchBookings stream read in the background, keeping every booking event with the
/// moment it arrived, so that tests can ask when a booking's changes were seen.
/// </summary>
internal sealed class BookingWatcher : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<BookingEvent> _call;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SeenEvent> _seen = new();
    private readonly Task _reading;

    private BookingWatcher(AsyncServerStreamingCall<BookingEvent> call)
    {
        _call = call;
        _reading = ReadAsync();
    }

    /// <summary>Watches once the server has subscribed the stream (its headers arrived): no later change is missed.</summary>
    public static async Task<BookingWatcher> StartAsync(GrpcChannel channel, string principalId, string rangeId = "")
    {
        var call = new BookingServiceClient(channel).WatchBookings(new WatchBookingsRequest { RangeId = rangeId },
            Calls.As(principalId) with { Deadline = DateTime.UtcNow.AddMinutes(5) });
        await call.ResponseHeadersAsync;
        return new BookingWatcher(call);
    }

    /// <summary>The booking's changes seen so far, in order, heartbeats left out.</summary>
    public IReadOnlyList<SeenEvent> Of(string bookingId)
    {
        lock (_seen)
        {
            return _seen.Where(e => e.Event.Booking?.Id == bookingId).ToList();
        }
    }

    /// <summary>Waits for the booking's <paramref name="change"/> and returns it; fails after <paramref name="timeout"/>.</summary>
    public async Task<SeenEvent> WaitForAsync(string bookingId, BookingChange change, TimeSpan timeout)
    {
        var giveUp = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < giveUp)
        {
            if (Of(bookingId).FirstOrDefault(e => e.Event.Change == change) is { } seen)
            {
                return seen;
            }
            if (_reading.IsCompleted)
            {
                await _reading;
                throw new InvalidOperationException("The watch ended.");
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No {change} for {bookingId} within {timeout}; seen: {string.Join(", ", Of(bookingId).Select(e => e.Event.Change))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _call.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception)
        {
            // The stream ends with CANCELLED when the test is done with it.
        }
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await _call.ResponseStream.MoveNext(_stop.Token))
        {
            var current = _call.ResponseStream.Current;
            if (current.Change != BookingChange.Heartbeat)
            {
                lock (_seen)
                {
                    _seen.Add(new SeenEvent(current, DateTimeOffset.UtcNow));
                }
            }
        }
    }
}

/// <summary>A booking event and when the watcher received it.</summary>
internal sealed record SeenEvent(BookingEvent Event, DateTimeOffset ReceivedAt);
