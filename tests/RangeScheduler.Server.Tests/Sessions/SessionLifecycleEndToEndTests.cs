using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Housekeeping;
using RangeScheduler.Server.Sessions;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Sessions;

/// <summary>
/// Sessions start and end by themselves (issue 4), seen through WatchBookings on the real
/// server with short real windows: each transition within a second of its time.
/// </summary>
public sealed class SessionLifecycleEndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Punctual = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly BookingServiceClient _bookings = new(fixture.Server.Channel);

    [Fact]
    public async Task BookingStartingSoon_ActiveAtItsStartCompletedAtItsEnd()
    {
        await using var watcher = await BookingWatcher.StartAsync(fixture.Server.Channel, "ops-oceanalpha", Requests.Jaakonmeri);
        var start = DateTimeOffset.UtcNow.AddSeconds(2);
        var booking = await CreateAsync("soon", Requests.Square(-4000, -1500, 300, start, TimeSpan.FromSeconds(3)), "usv-s1");

        var activated = await watcher.WaitForAsync(booking.Id, BookingChange.Activated, Patience);
        var completed = await watcher.WaitForAsync(booking.Id, BookingChange.Completed, Patience);

        ShouldBeOnTime(activated, start);
        ShouldBeOnTime(completed, start.AddSeconds(3));
        activated.Event.Booking.State.ShouldBe(BookingState.Active);
        completed.Event.Booking.State.ShouldBe(BookingState.Completed);
        watcher.Of(booking.Id).Select(e => e.Event.Change).ShouldBe([BookingChange.Created, BookingChange.Activated, BookingChange.Completed]);
        var stored = await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = booking.Id }, Calls.As("ops-oceanalpha"));
        stored.State.ShouldBe(BookingState.Completed);
        stored.Version.ShouldBe(3UL);
        await ShouldHaveNoJobAsync(booking.Id);
    }

    [Fact]
    public async Task SeveralVolumes_ActiveFromTheFirstStartUntilTheLastEnd()
    {
        await using var watcher = await BookingWatcher.StartAsync(fixture.Server.Channel, "ops-oceanalpha", Requests.Jaakonmeri);
        var start = DateTimeOffset.UtcNow.AddSeconds(2);
        var request = Requests.Booking("two legs", Requests.Square(-2000, -1500, 300, start.AddSeconds(1), TimeSpan.FromSeconds(3)), "usv-s2");
        request.Volumes.Add(Requests.Square(-2000, 500, 300, start, TimeSpan.FromSeconds(2)));
        var booking = (await _bookings.CreateBookingAsync(request, Calls.As("ops-oceanalpha"))).Booking;

        ShouldBeOnTime(await watcher.WaitForAsync(booking.Id, BookingChange.Activated, Patience), start);
        ShouldBeOnTime(await watcher.WaitForAsync(booking.Id, BookingChange.Completed, Patience), start.AddSeconds(4));
    }

    [Fact]
    public async Task CancelledBeforeItsStart_JobRemovedAndNeverActivated()
    {
        await using var watcher = await BookingWatcher.StartAsync(fixture.Server.Channel, "ops-oceanalpha", Requests.Jaakonmeri);
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        var booking = await CreateAsync("called off", Requests.Square(0, -1500, 300, start, TimeSpan.FromSeconds(2)), "usv-s3");
        await Planner.FlushAsync(CancellationToken.None);
        (await Scheduler().Exists(SessionPlanner.JobKeyOf(booking.Id), CancellationToken.None)).ShouldBeTrue();

        await _bookings.CancelBookingAsync(new CancelBookingRequest { BookingId = booking.Id }, Calls.As("ops-oceanalpha"));

        await ShouldHaveNoJobAsync(booking.Id);
        await Task.Delay(start.AddSeconds(1.5) - DateTimeOffset.UtcNow);
        watcher.Of(booking.Id).Select(e => e.Event.Change).ShouldBe([BookingChange.Created, BookingChange.Cancelled]);
        (await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = booking.Id }, Calls.As("ops-oceanalpha"))).State.ShouldBe(BookingState.Cancelled);
    }

    [Fact]
    public async Task MovedLater_ActiveAtTheNewStartOnly()
    {
        await using var watcher = await BookingWatcher.StartAsync(fixture.Server.Channel, "ops-oceanalpha", Requests.Jaakonmeri);
        var booking = await CreateAsync("moved", Requests.Square(2000, -1500, 300, DateTimeOffset.UtcNow.AddSeconds(2), TimeSpan.FromSeconds(2)), "usv-s4");
        var newStart = DateTimeOffset.UtcNow.AddSeconds(4);
        var update = new UpdateBookingRequest { BookingId = booking.Id, ExpectedVersion = booking.Version };
        update.Volumes.Add(Requests.Square(2000, -1500, 300, newStart, TimeSpan.FromSeconds(2)));

        (await _bookings.UpdateBookingAsync(update, Calls.As("ops-oceanalpha"))).Booking.ShouldNotBeNull();

        ShouldBeOnTime(await watcher.WaitForAsync(booking.Id, BookingChange.Activated, Patience), newStart);
        ShouldBeOnTime(await watcher.WaitForAsync(booking.Id, BookingChange.Completed, Patience), newStart.AddSeconds(2));
    }

    [Fact]
    public async Task PendingApprovalAtItsStart_CancelledAsApprovalTimedOut()
    {
        var ranges = new RangeServiceClient(fixture.Server.Channel);
        var range = await ranges.GetRangeAsync(new GetRangeRequest { RangeId = Requests.Jaakonmeri }, Calls.As("root"));
        range.Id = "jaakonmeri-approvals";
        range.ApprovalRequired = true;
        await ranges.UpsertRangeAsync(new UpsertRangeRequest { Range = range }, Calls.As("root"));
        await using var watcher = await BookingWatcher.StartAsync(fixture.Server.Channel, "ops-oceanalpha", range.Id);
        var start = DateTimeOffset.UtcNow.AddSeconds(2);
        var request = Requests.Booking("nobody answered", Requests.Square(0, 0, 300, start, TimeSpan.FromSeconds(5)), "usv-s5");
        request.RangeId = range.Id;
        var pending = (await _bookings.CreateBookingAsync(request, Calls.As("ops-oceanalpha"))).Booking;
        pending.State.ShouldBe(BookingState.PendingApproval);

        var cancelled = await watcher.WaitForAsync(pending.Id, BookingChange.Cancelled, Patience);

        ShouldBeOnTime(cancelled, start);
        cancelled.Event.Booking.State.ShouldBe(BookingState.Cancelled);
        cancelled.Event.Booking.StateReason.ShouldBe(StateReason.ApprovalTimedOut);
        cancelled.Event.Booking.StateMessage.ShouldBe("approval timed out");
        await ShouldHaveNoJobAsync(pending.Id);
    }

    [Fact]
    public async Task BookingBeyondTheHorizon_NoJobUntilTheReconcilerFindsItsStartNear()
    {
        var start = Requests.Tomorrow(5);
        var booking = await CreateAsync("next week", Requests.Square(4000, -1500, 300, start, TimeSpan.FromHours(1)), "usv-s6");
        await Planner.FlushAsync(CancellationToken.None);
        (await Scheduler().Exists(SessionPlanner.JobKeyOf(booking.Id), CancellationToken.None)).ShouldBeFalse();

        var services = fixture.Server.Services;
        var tenMinutesBefore = new SessionReconciler(
            services.GetRequiredService<RangeScheduler.Storage.IRangeStore>(), services.GetRequiredService<RangeScheduler.Server.Bookings.RangeDesk>(),
            services.GetRequiredService<SessionSteps>(), Planner, services.GetRequiredService<ISchedulerFactory>(),
            new FixedTime(start.AddMinutes(-10)), fixture.Server.Logs.For<SessionReconciler>());
        await tenMinutesBefore.ReconcileAsync(CancellationToken.None);
        await Planner.FlushAsync(CancellationToken.None);

        var trigger = await Scheduler().GetTrigger(SessionPlanner.TriggerKeyOf(booking.Id), CancellationToken.None);
        trigger.ShouldNotBeNull().NextFireTimeUtc.ShouldBe(start);
        await _bookings.CancelBookingAsync(new CancelBookingRequest { BookingId = booking.Id }, Calls.As("ops-oceanalpha"));
        await ShouldHaveNoJobAsync(booking.Id);
    }

    [Theory]
    [InlineData(Requests.Jaakonmeri)]
    [InlineData("no-such-range")]
    public async Task JobOfABookingNoRangeHolds_RemovedWhenItFires(string rangeId)
    {
        var ghost = $"bk-ghost-{rangeId}";
        var job = JobBuilder.Create<SessionJob>().WithIdentity(SessionPlanner.JobKeyOf(ghost)).UsingJobData(SessionPlanner.RangeIdKey, rangeId).StoreDurably().Build();
        var trigger = TriggerBuilder.Create(TimeProvider.System).WithIdentity(SessionPlanner.TriggerKeyOf(ghost)).StartNow().Build();

        await Scheduler().ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, CancellationToken.None);

        var giveUp = DateTime.UtcNow + Patience;
        while (await Scheduler().Exists(SessionPlanner.JobKeyOf(ghost), CancellationToken.None) && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(50);
        }
        (await Scheduler().Exists(SessionPlanner.JobKeyOf(ghost), CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task RetentionJob_InTheJobStoreAtTheConfiguredInterval()
    {
        var trigger = await Scheduler().GetTrigger(new TriggerKey(RetentionJob.Key.Name, RetentionJob.Key.Group), CancellationToken.None);

        trigger.ShouldNotBeNull().JobKey.ShouldBe(RetentionJob.Key);
        trigger.NextFireTimeUtc.ShouldNotBeNull().ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(50), DateTimeOffset.UtcNow.AddMinutes(61));
    }

    private SessionPlanner Planner => fixture.Server.Services.GetRequiredService<SessionPlanner>();

    private IScheduler Scheduler() => fixture.Server.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None).AsTask().Result;

    private async Task<Booking> CreateAsync(string title, Volume4D volume, string vehicleId)
    {
        var response = await _bookings.CreateBookingAsync(Requests.Booking(title, volume, vehicleId), Calls.As("ops-oceanalpha"));
        return response.Booking.ShouldNotBeNull($"rejected: {response.Rejection}");
    }

    private async Task ShouldHaveNoJobAsync(string bookingId)
    {
        await Planner.FlushAsync(CancellationToken.None);
        (await Scheduler().Exists(SessionPlanner.JobKeyOf(bookingId), CancellationToken.None)).ShouldBeFalse();
    }

    private static void ShouldBeOnTime(SeenEvent seen, DateTimeOffset due)
    {
        seen.ReceivedAt.ShouldBeGreaterThanOrEqualTo(due, $"{seen.Event.Change} arrived before its time");
        seen.ReceivedAt.ShouldBeLessThan(due + Punctual, $"{seen.Event.Change} arrived {(seen.ReceivedAt - due).TotalMilliseconds:F0} ms after its time");
        seen.Event.Time.ToDateTimeOffset().ShouldBeGreaterThanOrEqualTo(due);
    }
}
