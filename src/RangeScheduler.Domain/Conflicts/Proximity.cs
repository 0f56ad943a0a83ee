using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// When two volumes are too close (contract <c>Separation</c>; DESIGN.md "Geometry"): bands
/// closer than the vertical separation, footprints closer than the horizontal one; at a
/// separation of 0, interiors overlap and touching is no conflict. Precision is 1 cm:
/// volumes 1 cm apart do not conflict, volumes overlapping by 1 cm do, and at a separation
/// S a gap of exactly S is kept while S − 1 cm is not.
/// </summary>
/// <remarks>
/// Every comparison allows <see cref="ToleranceMeters"/> (1 mm), well below the 1 cm precision
/// and well above the floating-point noise of projecting degrees to metres (nanometres), so
/// that shapes drawn to touch, or exactly S apart, are not turned into conflicts by rounding.
/// </remarks>
internal static class Proximity
{
    /// <summary>Gaps and overlaps smaller than this are treated as touching.</summary>
    public const double ToleranceMeters = 0.001;

    /// <summary>Above this many vertex pairs, distances go through a facet index instead of comparing every pair of segments.</summary>
    private const int BruteForceVertexPairs = 4096;

    /// <summary>
    /// True when the bands conflict at <paramref name="requiredMeters"/>. At 0 their interiors
    /// must overlap by more than the tolerance; a flat band (lower = upper, a vessel on the
    /// surface) has no thickness, so it counts as its own interior: it conflicts with a flat
    /// band at the same height or a band it lies strictly inside, not one it only touches.
    /// </summary>
    public static bool BandsConflict(VerticalBand a, VerticalBand b, double requiredMeters)
    {
        if (requiredMeters > ToleranceMeters)
        {
            return a.GapTo(b) < requiredMeters - ToleranceMeters;
        }
        var aFlat = a.UpperMeters - a.LowerMeters <= ToleranceMeters;
        var bFlat = b.UpperMeters - b.LowerMeters <= ToleranceMeters;
        return (aFlat, bFlat) switch
        {
            (true, true) => a.GapTo(b) <= ToleranceMeters,
            (true, false) => StrictlyInside(a, b),
            (false, true) => StrictlyInside(b, a),
            _ => Math.Min(a.UpperMeters, b.UpperMeters) - Math.Max(a.LowerMeters, b.LowerMeters) > ToleranceMeters,
        };
    }

    /// <summary>
    /// The horizontal gap when <paramref name="volume"/>'s footprint and <paramref name="other"/>
    /// conflict at <paramref name="requiredMeters"/>, or null when they keep it. Cheap tests
    /// first: the envelopes' distance bounds the footprints' from below.
    /// </summary>
    public static double? HorizontalConflict(RequestedVolume volume, Geometry other, double requiredMeters)
    {
        var envelopeGap = volume.Footprint.Envelope.Distance(other.EnvelopeInternal);
        if (!EnvelopesMayConflict(envelopeGap, requiredMeters))
        {
            return null;
        }
        if (requiredMeters <= ToleranceMeters)
        {
            // Separation 0: the other shape must reach more than the tolerance into this one's
            // interior; the eroded footprint answers that with one prepared intersects test.
            return volume.Interior.Intersects(other) ? 0 : null;
        }
        var gap = Distance(volume, other, envelopeGap);
        return gap < requiredMeters - ToleranceMeters ? gap : null;
    }

    /// <summary>
    /// False when the envelopes alone show that the footprints keep <paramref name="requiredMeters"/>:
    /// the distance between envelopes bounds the distance between what they hold from below.
    /// </summary>
    public static bool EnvelopesMayConflict(RequestedVolume volume, Envelope other, double requiredMeters) =>
        EnvelopesMayConflict(volume.Footprint.Envelope.Distance(other), requiredMeters);

    private static bool EnvelopesMayConflict(double envelopeGap, double requiredMeters) =>
        requiredMeters <= ToleranceMeters ? envelopeGap <= 0 : envelopeGap < requiredMeters - ToleranceMeters;

    /// <summary>True when <paramref name="other"/> overlaps the volume's footprint by more than the tolerance (no separation: closures, zones).</summary>
    public static bool InteriorsOverlap(RequestedVolume volume, Geometry other) =>
        HorizontalConflict(volume, other, 0) is not null;

    /// <summary>
    /// Distance between footprints, 0 when they intersect. Small shapes, the common case, are
    /// compared segment by segment without allocating; large ones go through the prepared
    /// footprint and its facet index, which pay for themselves only there.
    /// </summary>
    private static double Distance(RequestedVolume volume, Geometry other, double envelopeGap)
    {
        var footprint = volume.Footprint.Geometry;
        var pairs = (long)footprint.NumPoints * other.NumPoints;
        if (pairs <= BruteForceVertexPairs && footprint is IPolygonal && other is IPolygonal && !footprint.IsEmpty && !other.IsEmpty)
        {
            return PolygonDistance.Between(footprint, other);
        }
        // Disjoint envelopes cannot intersect: go straight to the distance.
        if (envelopeGap <= 0 && volume.Prepared.Intersects(other))
        {
            return 0;
        }
        return pairs <= BruteForceVertexPairs ? DistanceOp.Distance(footprint, other) : volume.FacetDistance.Distance(other);
    }

    private static bool StrictlyInside(VerticalBand flat, VerticalBand band) =>
        flat.LowerMeters > band.LowerMeters + ToleranceMeters && flat.UpperMeters < band.UpperMeters - ToleranceMeters;
}
