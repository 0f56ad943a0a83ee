using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>KIND_CAPACITY: max_concurrent_sessions at any instant, counting the request; space does not matter.</summary>
public class CapacityFinderTests
{
    private static readonly VehicleCalendar NoVehicles = new();

    /// <summary>Wanshan limited to 2 sessions, holding sessions 1–3 h and 2–4 h, each 5 km from the centre and from each other.</summary>
    private static RangeBook TwoSessions(params Booking[] more)
    {
        var range = TestRanges.Wanshan() with { MaxConcurrentSessions = 2 };
        Booking[] bookings =
        [
            TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 3, east: 5000)),
            TestBookings.Confirmed("b-2", Volumes.WanshanSquare(100, 2, 4, east: -5000)),
            .. more,
        ];
        return TestBookings.Book(range, bookings);
    }

    [Theory]
    [InlineData("while both run", 2.5, 3.5, 2.5, 3.0)]
    [InlineData("spanning both", 0, 5, 2.0, 3.0)]
    [InlineData("while only one runs", 3, 5, null, null)]
    [InlineData("starting as the second ends", 4, 5, null, null)]
    [InlineData("ending as the two overlap", 0, 2, null, null)]
    public void TwoSessionsRunning_ThirdExceedsTheLimitOnlyWhileBothRun(string scenario, double from, double to, double? fullFrom, double? fullTo)
    {
        var request = BookingFinderTests.Request(Volumes.WanshanSquare(100, from, to));

        var found = TwoSessions().Check(request, TestTimes.Now, NoVehicles).Conflicts;

        if (fullFrom is null)
        {
            found.ShouldBeEmpty(scenario);
            return;
        }
        var conflict = found.ShouldHaveSingleItem(scenario);
        conflict.Kind.ShouldBe(ConflictKind.Capacity);
        conflict.VolumeIndex.ShouldBeNull();
        conflict.OtherId.ShouldBeEmpty();
        conflict.Overlap.ShouldBe(TestTimes.Hours(fullFrom.Value, fullTo!.Value));
    }

    [Fact]
    public void UpdateOfOneOfTheSessions_DoesNotCountItself()
    {
        var request = new BookingRequestBuilder().WithVolume(Volumes.WanshanSquare(100, 2.5, 3.5)).Ignoring("b-2").Build();

        TwoSessions().Check(request, TestTimes.Now, NoVehicles).Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void BookingWithTwoVolumes_IsOneSessionFromFirstStartToLastEnd()
    {
        var range = TestRanges.Wanshan() with { MaxConcurrentSessions = 1 };
        var split = TestBookings.Confirmed("b-1", Volumes.WanshanSquare(100, 1, 2, east: 5000), Volumes.WanshanSquare(100, 5, 6, east: 5000));
        var request = BookingFinderTests.Request(Volumes.WanshanSquare(100, 3, 4));

        var conflict = TestBookings.Book(range, split).Check(request, TestTimes.Now, NoVehicles).Conflicts.ShouldHaveSingleItem();

        conflict.Kind.ShouldBe(ConflictKind.Capacity);
        conflict.Overlap.ShouldBe(TestTimes.Hours(3, 4));
    }

    [Fact]
    public void NoLimit_AnyNumberOfSessions()
    {
        var range = TestRanges.Wanshan() with { MaxConcurrentSessions = 0 };
        var bookings = Enumerable.Range(0, 20)
            .Select(i => TestBookings.Confirmed($"b-{i}", Volumes.WanshanSquare(100, 1, 2, east: -9000 + i * 1000, north: -5000)))
            .ToArray();

        TestBookings.Book(range, bookings).Check(BookingFinderTests.Request(Volumes.WanshanSquare(100, 1, 2)), TestTimes.Now, NoVehicles)
            .Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void HighPriorityPreemptingASession_DoesNotCountIt()
    {
        // b-3 sits where the HIGH request goes: the request pre-empts it, which frees a session.
        var book = TwoSessions(TestBookings.Confirmed("b-3", Volumes.WanshanSquare(100, 2.5, 3.5)));
        var request = new BookingRequestBuilder().WithVolume(Volumes.WanshanSquare(100, 2.5, 3.5)).WithPriority(Priority.High).Build();

        var outcome = book.Check(request, TestTimes.Now, NoVehicles);

        outcome.Preempted.ShouldBe(["b-3"]);
        outcome.Conflicts.ShouldHaveSingleItem().Kind.ShouldBe(ConflictKind.Capacity);
        outcome.Conflicts[0].Overlap.ShouldBe(TestTimes.Hours(2.5, 3));
    }
}
