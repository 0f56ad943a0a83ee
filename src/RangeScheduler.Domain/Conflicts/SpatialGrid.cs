using NetTopologySuite.Geometries;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The columns and rows of one spatial level of <see cref="BookingIndex"/>, laid over the
/// range's extent on its plane. Coordinates beyond the extent fall in the outermost column or
/// row: the mapping stays monotone, so a volume and every query that must find it still
/// agree, and the grid stays as small as the range however far a footprint strays.
/// </summary>
internal readonly struct SpatialGrid
{
    private readonly double _originX;
    private readonly double _originY;
    private readonly double _cellMeters;

    public SpatialGrid(Envelope extent, double cellMeters)
    {
        _originX = extent.MinX;
        _originY = extent.MinY;
        _cellMeters = cellMeters;
        Columns = CountOver(extent.Width, cellMeters);
        Rows = CountOver(extent.Height, cellMeters);
    }

    public int Columns { get; }

    public int Rows { get; }

    public double CellMeters => _cellMeters;

    public int Column(double x) => Clamp(Math.Floor((x - _originX) / _cellMeters), Columns);

    public int Row(double y) => Clamp(Math.Floor((y - _originY) / _cellMeters), Rows);

    private static int CountOver(double meters, double cellMeters) =>
        (int)Math.Clamp(Math.Ceiling(meters / cellMeters), 1, 4096);

    /// <summary>Infinite query edges (a closure of the whole range) clamp to the outermost cells like any other.</summary>
    private static int Clamp(double cell, int count) => (int)Math.Clamp(cell, 0, count - 1);
}
