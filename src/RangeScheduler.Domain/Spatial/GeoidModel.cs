namespace RangeScheduler.Domain.Spatial;

/// <summary>
/// A grid of geoid undulations N in metres (EGM96 in production: DESIGN.md, "Geometry"):
/// how far mean sea level lies above the WGS84 ellipsoid, so that a height above mean sea
/// level is the ellipsoid height − N. Between nodes N is interpolated bilinearly. A grid whose
/// columns go round the globe wraps in longitude (the last column's neighbour is the first).
/// Immutable and safe to share between threads.
/// </summary>
public sealed class GeoidModel
{
    /// <summary>Slack for a point on the grid's edge computed with rounding error (about 1 mm).</summary>
    private const double EdgeTolerance = 1e-8;

    private readonly float[] _undulations;
    private readonly int _columnsAround;

    /// <param name="originLatitude">Latitude of the southernmost row, degrees.</param>
    /// <param name="originLongitude">Longitude of the westernmost column, degrees.</param>
    /// <param name="latitudeStep">Degrees between rows, northwards; positive.</param>
    /// <param name="longitudeStep">Degrees between columns, eastwards; positive.</param>
    /// <param name="undulations">
    /// rows × columns values in metres, row by row from the southernmost, each row west to east;
    /// NaN where the grid has no data. Kept, not copied: the caller gives the array up.
    /// </param>
    /// <exception cref="ArgumentException">A step is not positive and finite, the grid has fewer than 2 rows or columns, or the values do not fill it.</exception>
    public GeoidModel(double originLatitude, double originLongitude, double latitudeStep, double longitudeStep, int rows, int columns, float[] undulations)
    {
        if (!double.IsFinite(originLatitude) || !double.IsFinite(originLongitude)
            || !(latitudeStep > 0) || !double.IsFinite(latitudeStep) || !(longitudeStep > 0) || !double.IsFinite(longitudeStep))
        {
            throw new ArgumentException($"A geoid grid needs a finite origin and positive steps, not ({originLatitude}, {originLongitude}) by ({latitudeStep}, {longitudeStep}).");
        }
        if (rows < 2 || columns < 2 || undulations.Length != (long)rows * columns)
        {
            throw new ArgumentException($"A geoid grid of {rows} × {columns} nodes (at least 2 × 2) cannot hold {undulations.Length} values.", nameof(undulations));
        }
        OriginLatitude = originLatitude;
        OriginLongitude = originLongitude;
        LatitudeStep = latitudeStep;
        LongitudeStep = longitudeStep;
        Rows = rows;
        Columns = columns;
        _undulations = undulations;
        // Wrapping needs a whole number of columns round the globe; a duplicated first column
        // at the east end (some grids carry one) is never read.
        var around = 360 / longitudeStep;
        var whole = Math.Abs(around - Math.Round(around)) < EdgeTolerance;
        _columnsAround = whole && columns >= Math.Round(around) ? (int)Math.Round(around) : 0;
    }

    public double OriginLatitude { get; }

    public double OriginLongitude { get; }

    public double LatitudeStep { get; }

    public double LongitudeStep { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>True when the columns go round the globe, so that every longitude is covered.</summary>
    public bool WrapsInLongitude => _columnsAround > 0;

    /// <summary>
    /// N at the point in metres, interpolated bilinearly between the four nodes around it; NaN
    /// when one of them has no data (the caller then has no height to convert).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The point is not a WGS84 position, or lies outside the grid.</exception>
    public double UndulationAt(GeoPoint point)
    {
        if (!(Math.Abs(point.Latitude) <= 90) || !double.IsFinite(point.Longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(point), point, "Not a WGS84 position.");
        }
        var (row, northWeight) = Cell((point.Latitude - OriginLatitude) / LatitudeStep, Rows, point);
        // Measured eastwards from the origin, so that -170° and 190° are the same column.
        var x = Mod(point.Longitude - OriginLongitude, 360) / LongitudeStep;
        int west, east;
        double eastWeight;
        if (WrapsInLongitude)
        {
            west = Math.Min((int)Math.Floor(x), _columnsAround - 1);
            east = (west + 1) % _columnsAround;
            eastWeight = x - west;
        }
        else
        {
            (west, eastWeight) = Cell(x, Columns, point);
            east = west + 1;
        }
        var south = Interpolate(At(row, west), At(row, east), eastWeight);
        var north = Interpolate(At(row + 1, west), At(row + 1, east), eastWeight);
        return Interpolate(south, north, northWeight);
    }

    /// <summary>The height above mean sea level of a point <paramref name="ellipsoidHeightMeters"/> above the WGS84 ellipsoid; NaN where <see cref="UndulationAt"/> is.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="UndulationAt"/>.</exception>
    public double MeanSeaLevelHeight(GeoPoint point, double ellipsoidHeightMeters) => ellipsoidHeightMeters - UndulationAt(point);

    /// <summary>The lower node index of the cell holding grid coordinate <paramref name="index"/>, and the weight of the upper node.</summary>
    private static (int Lower, double UpperWeight) Cell(double index, int count, GeoPoint point)
    {
        if (index < -EdgeTolerance || index > count - 1 + EdgeTolerance)
        {
            throw new ArgumentOutOfRangeException(nameof(point), point, "The point lies outside the geoid grid.");
        }
        // The last node has no cell above it: it is the upper node of the cell below, at weight 1.
        var lower = Math.Clamp((int)Math.Floor(index), 0, count - 2);
        return (lower, Math.Clamp(index - lower, 0, 1));
    }

    private double At(int row, int column) => _undulations[row * Columns + column];

    private static double Interpolate(double lower, double upper, double upperWeight) => lower + (upper - lower) * upperWeight;

    private static double Mod(double value, double modulus)
    {
        var remainder = value % modulus;
        return remainder < 0 ? remainder + modulus : remainder;
    }
}
