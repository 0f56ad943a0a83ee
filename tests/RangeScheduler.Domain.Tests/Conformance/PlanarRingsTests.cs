using NetTopologySuite.IO;
using RangeScheduler.Domain.Conformance;

namespace RangeScheduler.Domain.Tests.Conformance;

/// <summary>Containment and edge distances on flat rings, against a square with a square hole and a second polygon.</summary>
public class PlanarRingsTests
{
    private static readonly PlanarRings Rings = new(new WKTReader().Read(
        "MULTIPOLYGON (((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40)), ((200 0, 300 0, 300 100, 200 100, 200 0)))"));

    [Theory]
    [InlineData("inside the first polygon", 10, 10, true, 10)]
    [InlineData("in the hole", 50, 50, false, 10)]
    [InlineData("between the polygons", 150, 50, false, 50)]
    [InlineData("inside the second polygon", 250, 50, true, 50)]
    [InlineData("1 cm outside a corner, diagonally", -0.01, -0.01, false, 0.0141421)]
    [InlineData("far beyond the boxes", -1000, 50, false, 1000)]
    public void ContainsAndDistanceToEdge(string scenario, double x, double y, bool inside, double distance)
    {
        Rings.Contains(x, y).ShouldBe(inside, scenario);
        Rings.DistanceToEdge(x, y).ShouldBe(distance, 1e-6, scenario);
    }

    [Fact]
    public void DistanceToEdge_StopsAtWhatIsEnough()
    {
        Rings.DistanceToEdge(150, 50, enough: 5).ShouldBe(5);
        Rings.DistanceToEdge(1, 50, enough: 5).ShouldBe(1, 1e-9);
    }

    [Fact]
    public void EnvelopeGap_ZeroWithinTheBox()
    {
        Rings.EnvelopeGap(150, 50).ShouldBe(0);
        Rings.EnvelopeGap(-3, -4).ShouldBe(5, 1e-9);
    }
}
