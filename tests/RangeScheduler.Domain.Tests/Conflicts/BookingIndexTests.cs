using NetTopologySuite.Geometries;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>
/// The index against brute force on random data (fixed seeds): volumes from 10 m to 100 km
/// and from a minute to four months, some beyond the range's extent, queried by boxes from
/// tiny to unbounded, before and after removals and re-additions.
/// </summary>
public class BookingIndexTests
{
    private static readonly Envelope Extent = new(-15_000, 15_000, -17_000, 17_000);
    private static readonly DateTimeOffset Epoch = TestTimes.Now;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomVolumesAndQueries_SameAnswersAsBruteForce(int seed)
    {
        var random = new Random(seed);
        var volumes = Enumerable.Range(0, 3000).Select(i => RandomVolume(random, $"b-{i}")).ToList();
        var index = new BookingIndex(Extent);
        volumes.ForEach(v => index.Add([v]));
        var queries = Enumerable.Range(0, 300).Select(_ => RandomQuery(random)).ToList();

        ShouldMatchBruteForce(index, volumes, queries);

        var removed = volumes.Where(_ => random.Next(2) == 0).ToList();
        removed.ForEach(v => index.Remove(v.BookingId).ShouldBeTrue());
        var kept = volumes.Except(removed).ToList();
        ShouldMatchBruteForce(index, kept, queries);
        index.VolumeCount.ShouldBe(kept.Count);

        var readded = removed.Take(removed.Count / 2).ToList();
        readded.ForEach(v => index.Add([v]));
        ShouldMatchBruteForce(index, kept.Concat(readded).ToList(), queries);
    }

    [Fact]
    public void BookingWithSeveralVolumes_AddedAndRemovedTogether()
    {
        var booking = Booking("b-1", Square(0, 0, 100, 0, 3600), Square(5000, 5000, 100, 0, 3600));
        var index = new BookingIndex(Extent);
        index.Add([new BookedVolume(booking, 0, Planar(0, 0, 100)), new BookedVolume(booking, 1, Planar(5000, 5000, 100))]);

        var all = Query(index, Unbounded());
        all.Select(v => v.VolumeIndex).ShouldBe([0, 1], ignoreOrder: true);

        index.Remove("b-1").ShouldBeTrue();
        Query(index, Unbounded()).ShouldBeEmpty();
        index.Remove("b-1").ShouldBeFalse();
        index.BookingCount.ShouldBe(0);
    }

    [Fact]
    public void BookingIndexedTwice_Refused()
    {
        var booking = Booking("b-1", Square(0, 0, 100, 0, 3600));
        var index = new BookingIndex(Extent);
        index.Add([new BookedVolume(booking, 0, Planar(0, 0, 100))]);

        Should.Throw<InvalidOperationException>(() => index.Add([new BookedVolume(booking, 0, Planar(0, 0, 100))]));
    }

    [Fact]
    public void WindowsThatOnlyTouch_NotFound()
    {
        var index = new BookingIndex(Extent);
        var booking = Booking("b-1", Square(0, 0, 100, 0, 3600));
        index.Add([new BookedVolume(booking, 0, Planar(0, 0, 100))]);

        Query(index, new IndexQuery(-1e9, -1e9, 1e9, 1e9, new TimeWindow(Epoch.AddSeconds(3600), Epoch.AddSeconds(7200)), VerticalBand.All)).ShouldBeEmpty();
        Query(index, new IndexQuery(-1e9, -1e9, 1e9, 1e9, new TimeWindow(Epoch.AddSeconds(3599), Epoch.AddSeconds(7200)), VerticalBand.All)).ShouldHaveSingleItem();
    }

    /// <summary>
    /// Volumes that share a cell: removing one from the middle moves the last into its place,
    /// and a cell emptied and then used again holds only its new volume.
    /// </summary>
    [Fact]
    public void OneCell_RemovedFromTheMiddle_EmptiedAndUsedAgain()
    {
        var index = new BookingIndex(Extent);
        var volumes = Enumerable.Range(0, 5)
            .Select(i => new BookedVolume(Booking($"b-{i}", Square(10 * i, 0, 10, 0, 3600)), 0, Planar(10 * i, 0, 10)))
            .ToList();
        volumes.ForEach(v => index.Add([v]));

        index.Remove("b-1").ShouldBeTrue();
        Query(index, Unbounded()).Select(v => v.BookingId).ShouldBe(["b-0", "b-2", "b-3", "b-4"], ignoreOrder: true);
        index.Remove("b-4").ShouldBeTrue();
        Query(index, new IndexQuery(0, 0, 5, 5, volumes[0].Window, VerticalBand.All)).Select(v => v.BookingId).ShouldBe(["b-0"]);

        new[] { "b-0", "b-2", "b-3" }.ToList().ForEach(id => index.Remove(id).ShouldBeTrue());
        Query(index, Unbounded()).ShouldBeEmpty();
        index.Add([volumes[4]]);
        Query(index, Unbounded()).ShouldHaveSingleItem().ShouldBeSameAs(volumes[4]);
    }

    private static void ShouldMatchBruteForce(BookingIndex index, List<BookedVolume> volumes, List<IndexQuery> queries)
    {
        foreach (var query in queries)
        {
            var expected = volumes.Where(v => Meets(v, query)).Select(v => v.BookingId).Order().ToList();
            Query(index, query).Select(v => v.BookingId).Order().ToList().ShouldBe(expected);
        }
    }

    /// <summary>The index's contract: closed in space and height, half-open in time.</summary>
    private static bool Meets(BookedVolume volume, IndexQuery query)
    {
        var e = volume.Footprint.Envelope;
        return e.MinX <= query.MaxX && query.MinX <= e.MaxX && e.MinY <= query.MaxY && query.MinY <= e.MaxY
            && volume.Window.Start.UtcTicks < query.EndTicks && query.StartTicks < volume.Window.End.UtcTicks
            && volume.Vertical.LowerMeters <= query.Upper && query.Lower <= volume.Vertical.UpperMeters;
    }

    private static List<BookedVolume> Query(BookingIndex index, IndexQuery query)
    {
        var found = new List<BookedVolume>();
        index.Query(query, found);
        return found;
    }

    /// <summary>Whole metres and whole seconds, which the index stores exactly, so that its answers equal brute force's.</summary>
    private static BookedVolume RandomVolume(Random random, string id)
    {
        var side = Math.Round(Math.Exp(random.NextDouble() * Math.Log(100_000 / 10.0)) * 10);
        var x = random.Next(-40_000, 40_000);
        var y = random.Next(-40_000, 40_000);
        var duration = (int)Math.Exp(random.NextDouble() * Math.Log(120 * 24 * 60)) * 60;
        var start = random.Next(-5 * 86_400, 60 * 86_400);
        var lower = random.Next(-100, 300);
        var booking = Booking(id, Square(x, y, side, start, start + duration, lower, lower + random.Next(0, 100)));
        return new BookedVolume(booking, 0, Planar(x, y, side));
    }

    private static IndexQuery RandomQuery(Random random)
    {
        if (random.Next(20) == 0)
        {
            return Unbounded();
        }
        var side = Math.Exp(random.NextDouble() * Math.Log(50_000 / 5.0)) * 5;
        var x = random.Next(-30_000, 30_000) + random.NextDouble();
        var y = random.Next(-30_000, 30_000) + random.NextDouble();
        var start = Epoch.AddSeconds(random.Next(-86_400, 50 * 86_400));
        var window = new TimeWindow(start, start.AddMinutes(random.Next(1, 14 * 24 * 60)));
        var lower = random.Next(-150, 300);
        return new IndexQuery(x, y, x + side, y + side, window, new VerticalBand(lower, lower + random.Next(0, 200)));
    }

    private static IndexQuery Unbounded() => new(
        double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity,
        new TimeWindow(DateTimeOffset.MinValue.AddYears(1), DateTimeOffset.MaxValue.AddYears(-1)), VerticalBand.All);

    private static Volume4D Square(double x, double y, double side, int fromSeconds, int toSeconds, double lower = 0, double upper = 100) =>
        new(Footprints.Square(Places.WanshanCentre, side, x + side / 2, y + side / 2), new VerticalBand(lower, upper),
            new TimeWindow(Epoch.AddSeconds(fromSeconds), Epoch.AddSeconds(toSeconds)));

    private static PlanarFootprint Planar(double x, double y, double side) =>
        new(FootprintProjector.Factory.ToGeometry(new Envelope(x, x + side, y, y + side)));

    private static Booking Booking(string id, params Volume4D[] volumes) => TestBookings.Confirmed(id, volumes);
}
