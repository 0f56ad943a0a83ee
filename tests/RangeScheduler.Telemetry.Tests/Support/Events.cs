using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry.Tests.Support;

/// <summary>Builders for the bus's events (eShop Builders.cs style) and a patient reader.</summary>
public static class Events
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static RangeEvent Booking(string bookingId, BookingChange change) =>
        new() { Booking = new BookingEvent { Booking = new Booking { Id = bookingId }, Change = change } };

    public static RangeEvent Alert(string id, string bookingId, AlertKind kind = AlertKind.LeftVolume, string resolves = "") =>
        new() { Alert = new Alert { Id = id, BookingId = bookingId, VehicleId = "v1", Kind = kind, ResolvesAlertId = resolves } };

    public static RangeEvent Command(string id, string bookingId, CommandStatus status) =>
        new() { Command = new Command { Id = id, BookingId = bookingId, Status = status } };

    public static PositionUpdate Position(string bookingId, string vehicleId, ulong sequence) =>
        new()
        {
            Report = new PositionReport
            {
                BookingId = bookingId, VehicleId = vehicleId, Sequence = sequence,
                Latitude = 22.05 + sequence * 1e-5, Longitude = 113.72, Time = Timestamp.FromDateTime(DateTime.UtcNow),
            },
        };

    /// <summary>A short label per event, to compare sequences: <c>b:bk-1</c>, <c>p:bk-1/v1#3</c>, <c>a:al-1</c>, <c>c:cmd-1</c>.</summary>
    public static string Label(RangeEvent e) => e.EventCase switch
    {
        RangeEvent.EventOneofCase.Booking => "b:" + e.Booking.Booking.Id,
        RangeEvent.EventOneofCase.Position => $"p:{e.Position.Report.BookingId}/{e.Position.Report.VehicleId}#{e.Position.Report.Sequence}",
        RangeEvent.EventOneofCase.Alert => "a:" + e.Alert.Id,
        RangeEvent.EventOneofCase.Command => "c:" + e.Command.Id,
        _ => e.EventCase.ToString(),
    };

    public static async Task<RangeEvent> NextAsync(this RangeBusSubscription subscription)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await subscription.Events.ReadAsync(timeout.Token);
    }

    public static async Task<List<RangeEvent>> TakeAsync(this RangeBusSubscription subscription, int count)
    {
        var taken = new List<RangeEvent>();
        while (taken.Count < count)
        {
            taken.Add(await subscription.NextAsync());
        }
        return taken;
    }

    /// <summary>Reads until an event with <paramref name="label"/> arrives; returns everything read, that one included.</summary>
    public static async Task<List<RangeEvent>> TakeThroughAsync(this RangeBusSubscription subscription, string label)
    {
        var taken = new List<RangeEvent>();
        do
        {
            taken.Add(await subscription.NextAsync());
        }
        while (Label(taken[^1]) != label);
        return taken;
    }

    /// <summary>Polls until <paramref name="holds"/> is true of what <paramref name="read"/> returns, for up to 10 s.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> holds)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (holds(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(50);
        }
    }
}
