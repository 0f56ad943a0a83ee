using NetTopologySuite.Operation.Distance;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>
/// KIND_BOOKING through the whole engine (index, then exact tests) against the separation
/// rule applied to every pair by brute force, on random squares and circles (fixed seeds).
/// </summary>
public class BookingFinderBruteForceTests
{
    private static readonly VehicleCalendar NoVehicles = new();

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void RandomBookingsAndRequests_SameBlockersAsBruteForce(int seed)
    {
        var random = new Random(seed);
        var range = TestRanges.Wanshan() with { OperatingHours = [], MaxConcurrentSessions = 0, Zones = [] };
        var bookings = Enumerable.Range(0, 400).Select(i => TestBookings.Confirmed($"b-{i}", RandomVolume(random))).ToList();
        var book = TestBookings.Book(range, [.. bookings]);
        var separation = range.Separation;
        var requestsBlocked = 0;

        for (var i = 0; i < 100; i++)
        {
            var requested = RandomVolume(random);
            var expected = bookings
                .Where(b => TooClose(book.Plane, requested, b.Volumes[0], separation))
                .Select(b => b.Id)
                .Order()
                .ToList();

            var found = book.Check(BookingFinderTests.Request(requested), TestTimes.Now, NoVehicles).Conflicts
                .Where(c => c.Kind == ConflictKind.Booking)
                .Select(c => c.OtherId)
                .Order()
                .ToList();

            found.ShouldBe(expected, $"request {i}");
            requestsBlocked += expected.Count > 0 ? 1 : 0;
        }
        // The data is meant to exercise both answers.
        requestsBlocked.ShouldBeInRange(10, 90);
    }

    /// <summary>The contract's Separation rule, written out plainly.</summary>
    private static bool TooClose(RangePlane plane, Volume4D a, Volume4D b, Ranges.Separation separation)
    {
        var timeGap = Math.Max((b.Window.Start - a.Window.End).Ticks, (a.Window.Start - b.Window.End).Ticks);
        var bandGap = Math.Max(b.Vertical.LowerMeters - a.Vertical.UpperMeters, a.Vertical.LowerMeters - b.Vertical.UpperMeters);
        var distance = DistanceOp.Distance(plane.Project(a.Footprint).Geometry, plane.Project(b.Footprint).Geometry);
        return timeGap < separation.TimeBuffer.Ticks
            && bandGap < separation.VerticalMeters
            && distance < separation.HorizontalMeters;
    }

    /// <summary>Within 6 km of Wanshan's centre, 50 m to 1.5 km across, up to 4 h within 2 days, 10–60 m thick.</summary>
    private static Volume4D RandomVolume(Random random)
    {
        double east = random.Next(-6000, 6000), north = random.Next(-6000, 6000), size = random.Next(50, 1500);
        Footprint footprint = random.Next(2) == 0
            ? Footprints.Square(Places.WanshanCentre, size, east, north)
            : Footprints.Circle(Places.WanshanCentre, size / 2, east, north);
        var start = TestTimes.Now.AddMinutes(random.Next(0, 48 * 60));
        var window = new TimeWindow(start, start.AddMinutes(random.Next(10, 240)));
        var lower = random.Next(-100, 240);
        return Volumes.Of(footprint, window, lower, lower + random.Next(10, 60));
    }
}
