using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

/// <summary>
/// The quick proof that a small ring neither crosses nor touches itself may say "not
/// proven" freely, but must never call a ring simple that NetTopologySuite finds is not.
/// </summary>
public sealed class RingSimplicityTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RandomSmallRings_NeverProvenSimpleWhenNtsSaysOtherwise(int seed)
    {
        var random = new Random(seed);
        var proven = 0;
        var notSimple = 0;
        for (var n = 0; n < 5_000; n++)
        {
            var ring = RandomRing(random, random.Next(3, 12));
            var simple = new IsSimpleOp(ring).IsSimple();
            notSimple += simple ? 0 : 1;
            if (RingSimplicity.IsProvenSimple(ring))
            {
                proven++;
                simple.ShouldBeTrue($"ring {ring} was proven simple but is not");
            }
        }
        // The random rings must exercise both answers, or the test would prove nothing.
        proven.ShouldBeGreaterThan(100);
        notSimple.ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("LINEARRING (0 0, 10 10, 10 0, 0 10, 0 0)")]
    [InlineData("LINEARRING (0 0, 10 0, 10 10, 5 0, 0 10, 0 0)")]
    [InlineData("LINEARRING (0 0, 10 0, 10 10, 0 10, 10 0, 0 0)")]
    public void SelfCrossingOrTouchingRing_NotProvenSimple(string wkt)
    {
        var ring = (LinearRing)new NetTopologySuite.IO.WKTReader().Read(wkt);
        RingSimplicity.IsProvenSimple(ring).ShouldBeFalse();
    }

    [Fact]
    public void Square_ProvenSimple() =>
        RingSimplicity.IsProvenSimple(Factory.CreateLinearRing([new(0, 0), new(1, 0), new(1, 1), new(0, 1), new(0, 0)])).ShouldBeTrue();

    private static LinearRing RandomRing(Random random, int points)
    {
        var coordinates = Enumerable.Range(0, points).Select(_ => new Coordinate(random.Next(0, 8), random.Next(0, 8))).ToList();
        coordinates.Add(coordinates[0].Copy());
        return Factory.CreateLinearRing(coordinates.ToArray());
    }
}
