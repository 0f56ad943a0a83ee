using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;
using RangeScheduler.Grpc;

namespace RangeScheduler.GroundStation.Tests.Support;

/// <summary>
/// One range, "test-sea": a 10 km square of sea centred on (21.9, 113.7) with 300 m
/// horizontal separation and heights from -10 to 120 m.
/// </summary>
internal sealed class FakeRangeService
{
    public const string RangeId = "test-sea";
    public const double CentreLatitude = 21.9;
    public const double CentreLongitude = 113.7;

    public Task<TestRange> GetRange(GetRangeRequest request, ServerCallContext context)
    {
        if (request.RangeId != RangeId)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"no range {request.RangeId}"));
        }
        var plane = new LocalTangentPlane(CentreLatitude, CentreLongitude);
        var ring = new Ring();
        foreach (var (east, north) in new[] { (-5000.0, -5000.0), (5000.0, -5000.0), (5000.0, 5000.0), (-5000.0, 5000.0) })
        {
            var (lat, lon) = plane.ToGeodetic(east, north);
            ring.Points.Add(new LatLng { Latitude = lat, Longitude = lon });
        }
        return Task.FromResult(new TestRange
        {
            Id = RangeId,
            Domain = RangeDomain.Sea,
            Boundary = new Polygon { Exterior = ring },
            VerticalLimits = new VerticalBand { LowerM = -10, UpperM = 120 },
            Separation = new Separation { HorizontalM = 300, VerticalM = 30 },
        });
    }
}
