using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Tests.Builders;

/// <summary>
/// Named points that tests place footprints around. Each centre is the middle of the bounding
/// box of the matching range in <see cref="TestRanges"/>, i.e. the origin of that range's plane,
/// so metre offsets from it are offsets on the plane the engine computes in.
/// </summary>
public static class Places
{
    /// <summary>Centre of the Wanshan sea test site off Zhuhai (seeds/ranges/zhuhai-wanshan.json).</summary>
    public static readonly GeoPoint WanshanCentre = new(21.8325, 113.775);

    /// <summary>Inside Wanshan's "aquaculture-exclusion" zone (21.80–21.83 N, 113.70–113.74 E).</summary>
    public static readonly GeoPoint WanshanAquaculture = new(21.815, 113.72);

    /// <summary>Inside Wanshan's "xiaowanshan-shore-base" launch and recovery zone, in the boundary's northern notch.</summary>
    public static readonly GeoPoint WanshanShoreBase = new(21.98, 113.725);

    /// <summary>About 2 km south of Wanshan's boundary (which runs along 21.675 N): outside the range.</summary>
    public static readonly GeoPoint SouthOfWanshan = new(21.657, 113.775);

    /// <summary>Centre of the Jaakonmeri area off Eurajoki, Finland (seeds/ranges/jaakonmeri.json).</summary>
    public static readonly GeoPoint JaakonmeriCentre = new(61.30333333333333, 21.077083333333334);

    /// <summary>
    /// On the antimeridian near Fiji: the synthetic range <see cref="TestRanges.Antimeridian"/>
    /// straddles it, so longitudes on either side are 179.9x and −179.9x.
    /// </summary>
    public static readonly GeoPoint AntimeridianCentre = new(-17.0, 180.0);
}
