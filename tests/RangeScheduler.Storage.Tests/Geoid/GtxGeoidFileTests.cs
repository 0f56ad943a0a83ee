using System.Buffers.Binary;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Storage.Geoid;

namespace RangeScheduler.Storage.Tests.Geoid;

/// <summary>Reading GTX geoid grids: the real EGM96 grid (Debian package proj-data), and small ones made here.</summary>
public sealed class GtxGeoidFileTests
{
    private static readonly Lazy<GeoidModel> Egm96 = new(() => GtxGeoidFile.Load(GtxGeoidFile.Egm96Path));

    /// <summary>
    /// N in metres. Expected values were computed with PROJ 9.1.1, an independent reader and
    /// bilinear interpolator of the same grid, to the millimetre:
    /// <c>echo "lat lon 0" | cs2cs -f %.4f EPSG:4979 +to +proj=longlat +datum=WGS84 +geoidgrids=egm96_15.gtx +type=crs</c>
    /// prints −N. The check is to 1 cm rather than to the published figures' metre: a reader off
    /// by half a cell, or interpolating the wrong way round, stays within a metre in smooth
    /// places. Where a published EGM96 figure exists it agrees within a metre, as noted.
    /// </summary>
    public static TheoryData<string, double, double, double> KnownUndulations => new()
    {
        // Finland's geoid lies 17–20 m above the ellipsoid in the south-west (FIN2005N00 maps).
        { "Finland, Gulf of Bothnia coast", 61.3, 21.1, 19.1435 },
        // The Wanshan sea test site off Zhuhai: about −3 m.
        { "Zhuhai", 22.0, 113.7, -3.3925 },
        // EGM96's low, south of India: about −107 m (NIMA TR8350.2 gives −106 m for its minimum region).
        { "Indian Ocean low", 4.7, 78.8, -106.9638 },
        // EGM96's high, +85.4 m, lies at this node in eastern New Guinea (the grid's maximum);
        // at 4° S 147° E, further north, it is only +79.0 m.
        { "New Guinea high", -8.25, 147.25, 85.3909 },
        { "Everest", 27.988, 86.925, -28.8677 },
        { "North Pole", 90, 0, 13.6062 },
        { "South Pole", -90, 0, -29.5338 },
        // Between the grid's last column (179.75° E) and its first (180° W).
        { "equator by the antimeridian", 0, 179.9, 21.2423 },
    };

    [Theory]
    [MemberData(nameof(KnownUndulations))]
    public void Load_Egm96_KnownUndulationsWithinOneCentimetre(string place, double latitude, double longitude, double expected) =>
        Egm96.Value.UndulationAt(new GeoPoint(latitude, longitude)).ShouldBe(expected, 0.01, place);

    [Fact]
    public void Load_Egm96_GlobalQuarterDegreeGrid()
    {
        var grid = Egm96.Value;

        (grid.OriginLatitude, grid.OriginLongitude, grid.LatitudeStep, grid.LongitudeStep).ShouldBe((-90, -180, 0.25, 0.25));
        (grid.Rows, grid.Columns).ShouldBe((721, 1440));
        grid.WrapsInLongitude.ShouldBeTrue();
    }

    [Fact]
    public void Read_SmallGrid_SouthRowFirstAndNoDataAsNaN()
    {
        var grid = GtxGeoidFile.Read(new MemoryStream(Gtx(20, 110, 0.5, 1, 2, 3, [1.5f, 2, 3, 4, 6, -88.8888f])), "small.gtx");

        grid.UndulationAt(new GeoPoint(20, 110)).ShouldBe(1.5);
        grid.UndulationAt(new GeoPoint(20.5, 110)).ShouldBe(4);
        grid.UndulationAt(new GeoPoint(20, 110.5)).ShouldBe(1.75);
        double.IsNaN(grid.UndulationAt(new GeoPoint(20.25, 111.5))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(1_000)]
    public void Read_TruncatedEgm96_InvalidDataNamingTheFile(int keptBytes)
    {
        var bytes = File.ReadAllBytes(GtxGeoidFile.Egm96Path)[..keptBytes];

        Should.Throw<InvalidDataException>(() => GtxGeoidFile.Read(new MemoryStream(bytes), "cut.gtx")).Message.ShouldContain("cut.gtx is truncated");
    }

    [Fact]
    public void Read_BytesAfterTheGrid_InvalidData()
    {
        var bytes = Gtx(20, 110, 1, 1, 2, 2, [1, 2, 3, 4]).Concat(new byte[4]).ToArray();

        Should.Throw<InvalidDataException>(() => GtxGeoidFile.Read(new MemoryStream(bytes), "long.gtx")).Message.ShouldContain("longer");
    }

    [Theory]
    [InlineData(20, 1, -2, 2)]
    [InlineData(20, 0, 2, 2)]
    [InlineData(95, 1, 2, 2)]
    [InlineData(89.5, 1, 2, 2)]
    public void Read_HeaderNotAGrid_InvalidData(double originLatitude, double latitudeStep, int rows, int columns)
    {
        var bytes = Gtx(originLatitude, 110, latitudeStep, 1, rows, columns, []);

        Should.Throw<InvalidDataException>(() => GtxGeoidFile.Read(new MemoryStream(bytes), "odd.gtx")).Message.ShouldContain("not a GTX geoid grid");
    }

    [Fact]
    public void Read_ValuesWrittenLittleEndian_InvalidDataGarbled()
    {
        var bytes = Gtx(20, 110, 1, 1, 2, 2, [18.25f, 19.5f, -3.25f, 85.4f]);
        for (var node = 0; node < 4; node++)
        {
            Array.Reverse(bytes, 40 + node * 4, 4);
        }

        Should.Throw<InvalidDataException>(() => GtxGeoidFile.Read(new MemoryStream(bytes), "swapped.gtx")).Message.ShouldContain("garbled");
    }

    /// <summary>A GTX file's bytes: big-endian header and values, as NOAA's format has them.</summary>
    private static byte[] Gtx(double originLatitude, double originLongitude, double latitudeStep, double longitudeStep, int rows, int columns, float[] values)
    {
        var bytes = new byte[40 + values.Length * 4];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, originLatitude);
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(8), originLongitude);
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(16), latitudeStep);
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(24), longitudeStep);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(32), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(36), columns);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(40 + i * 4), values[i]);
        }
        return bytes;
    }
}
