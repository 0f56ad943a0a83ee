using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;
using RangeScheduler.GroundStation.Swarm;
using RangeScheduler.GroundStation.Tests.Support;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.GroundStation.Tests.Swarm;

public sealed class SwarmBookingSourceTests
{
    [Fact]
    public async Task Create_GridOfSquaresOnTheRangeWithItsLimitsThenCancel()
    {
        await using var server = await FakeRangeServer.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        var source = new SwarmBookingSource(channel, "dev-ops-oceanalpha", TextWriter.Null);
        var before = DateTimeOffset.UtcNow;

        var bookings = await source.CreateAsync(FakeRangeService.RangeId, 4, 3, TimeSpan.FromSeconds(30), CancellationToken.None);

        bookings.Count.ShouldBe(4);
        bookings.ShouldAllBe(b => b.State == BookingState.Active && b.Vehicles.Count == 3);
        bookings.SelectMany(b => b.Vehicles).ShouldAllBe(v => v.Kind == VehicleKind.Usv);
        bookings.SelectMany(b => b.Vehicles).Select(v => v.Id).Distinct().Count().ShouldBe(12);
        var volumes = bookings.Select(b => b.Volumes.ShouldHaveSingleItem()).ToList();
        volumes.ShouldAllBe(v => v.Vertical.LowerM == -10 && v.Vertical.UpperM == 120);
        var start = volumes[0].Window.Start.ToDateTimeOffset();
        (start - before).TotalSeconds.ShouldBeInRange(5, 15);
        (volumes[0].Window.End.ToDateTimeOffset() - start).ShouldBe(TimeSpan.FromSeconds(90));
        // 2 × 2 squares of 500 m, 350 m apart, around the range's middle.
        var centres = volumes.Select(v => FootprintShape.Of(v.Footprint).Centroid()).ToList();
        centres.ShouldAllBe(c => LocalTangentPlane.DistanceMeters(c.Latitude, c.Longitude, FakeRangeService.CentreLatitude, FakeRangeService.CentreLongitude) < 700);
        LocalTangentPlane.DistanceMeters(centres[0].Latitude, centres[0].Longitude, centres[1].Latitude, centres[1].Longitude).ShouldBe(850, 1);

        await source.CancelAsync(bookings, CancellationToken.None);

        server.Bookings.Cancelled.Order().ShouldBe(bookings.Select(b => b.Id).Order());
    }

    [Fact]
    public async Task Load_ReadsTheGivenBookings()
    {
        await using var server = await FakeRangeServer.StartAsync(SwarmBookings.All());
        using var channel = GrpcChannel.ForAddress(server.Address);

        var loaded = await new SwarmBookingSource(channel, "dev-gs-oceanalpha-1", TextWriter.Null).LoadAsync(["bk-circle", "bk-square"], CancellationToken.None);

        loaded.Select(b => b.Id).ShouldBe(["bk-circle", "bk-square"]);
    }
}
