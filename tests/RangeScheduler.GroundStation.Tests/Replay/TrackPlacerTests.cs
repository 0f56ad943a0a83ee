using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;
using RangeScheduler.GroundStation.Logs;
using RangeScheduler.GroundStation.Replay;
using RangeScheduler.GroundStation.Tests.Support;

namespace RangeScheduler.GroundStation.Tests.Replay;

public sealed class TrackPlacerTests
{
    // Wanshan sea test site, off Zhuhai (seeds/ranges/zhuhai-wanshan.json).
    private const double TargetLatitude = 21.95;
    private const double TargetLongitude = 113.72;

    private static IReadOnlyList<TrackFix> VtolTrack() =>
        TrackLogs.TrackOf(TrackLogs.Read(LogFiles.PathOf(LogFiles.Mavlink)), null);

    [Fact]
    public void VtolFlight_FirstFixLandsOnTheTarget()
    {
        var placed = TrackPlacer.Place(VtolTrack(), TargetLatitude, TargetLongitude, null, 1);

        placed[0].Latitude.ShouldBe(TargetLatitude, 1e-12);
        placed[0].Longitude.ShouldBe(TargetLongitude, 1e-12);
        placed[0].Due.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void VtolFlight_PairwiseDistancesKeptWithinOnePermille()
    {
        var track = VtolTrack();
        var placed = TrackPlacer.Place(track, TargetLatitude, TargetLongitude, null, 1);

        // Every 20th fix against every other: ~1,600 pairs across the whole flight.
        for (var i = 0; i < track.Count; i += 20)
        {
            for (var j = i + 20; j < track.Count; j += 20)
            {
                var logged = LocalTangentPlane.DistanceMeters(track[i].Latitude, track[i].Longitude, track[j].Latitude, track[j].Longitude);
                var moved = LocalTangentPlane.DistanceMeters(placed[i].Latitude, placed[i].Longitude, placed[j].Latitude, placed[j].Longitude);
                if (logged > 1)
                {
                    (Math.Abs(moved - logged) / logged).ShouldBeLessThan(0.001, $"fixes {i} and {j}: {logged:F1} m logged, {moved:F1} m moved");
                }
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(0.5)]
    public void Speed_DividesTheLoggedOffsets(double speed)
    {
        var track = VtolTrack();

        var placed = TrackPlacer.Place(track, TargetLatitude, TargetLongitude, null, speed);

        for (var i = 0; i < track.Count; i++)
        {
            placed[i].Due.ShouldBe(track[i].Offset / speed);
            placed[i].SpeedMetersPerSecond!.Value.ShouldBe(track[i].SpeedMetersPerSecond!.Value * speed, 1e-9);
        }
    }

    [Fact]
    public void SpeedZero_EverythingDueAtOnce()
    {
        TrackPlacer.Place(VtolTrack(), TargetLatitude, TargetLongitude, null, 0).ShouldAllBe(p => p.Due == TimeSpan.Zero);
    }

    [Fact]
    public void BandHoldsTheLoggedAltitudes_AltitudesKept()
    {
        var track = VtolTrack();

        var placed = TrackPlacer.Place(track, TargetLatitude, TargetLongitude, new VerticalBand { LowerM = 0, UpperM = 2000 }, 1);

        placed.Select(p => p.AltitudeMeters).ShouldBe(track.Select(f => f.AltitudeMeters));
    }

    [Fact]
    public void BandMissesTheLoggedAltitudes_TrackShiftedIntoTheMiddleOfTheBand()
    {
        var track = VtolTrack();
        var lowest = track.Min(f => f.AltitudeMeters!.Value);
        var highest = track.Max(f => f.AltitudeMeters!.Value);

        var placed = TrackPlacer.Place(track, TargetLatitude, TargetLongitude, new VerticalBand { LowerM = 0, UpperM = 300 }, 1);

        var shift = placed[0].AltitudeMeters!.Value - track[0].AltitudeMeters!.Value;
        shift.ShouldBe(150 - (lowest + highest) / 2, 1e-6);
        for (var i = 0; i < track.Count; i++)
        {
            placed[i].AltitudeMeters!.Value.ShouldBe(track[i].AltitudeMeters!.Value + shift, 1e-6);
        }
    }

    [Fact]
    public void SeaVessel_SendsNoAltitude()
    {
        var boat = TrackLogs.TrackOf(TrackLogs.Read(LogFiles.PathOf(LogFiles.AisWithReceiverClock)), null);

        var placed = TrackPlacer.Place(boat, TargetLatitude, TargetLongitude, new VerticalBand { LowerM = -5, UpperM = 5 }, 1);

        placed.Count.ShouldBe(17);
        placed.ShouldAllBe(p => p.AltitudeMeters == null);
    }
}
