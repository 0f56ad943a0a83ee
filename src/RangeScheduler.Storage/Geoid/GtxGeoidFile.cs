using System.Buffers.Binary;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Storage.Geoid;

/// <summary>
/// Reads a geoid grid in NOAA's GTX format, such as EGM96's <c>/usr/share/proj/egm96_15.gtx</c>
/// from Debian's <c>proj-data</c> package (DESIGN.md, "Geometry"; shared/DEPENDENCIES.md): a
/// 40-byte big-endian header — origin latitude, origin longitude, latitude step, longitude step
/// (doubles, degrees), rows, columns (int32) — then rows × columns big-endian float32
/// undulations in metres, the southernmost row first, each row west to east.
/// </summary>
public static class GtxGeoidFile
{
    /// <summary>Where <c>proj-data</c> installs the EGM96 15′ grid.</summary>
    public const string Egm96Path = "/usr/share/proj/egm96_15.gtx";

    private const int HeaderBytes = 40;

    /// <summary>GTX's mark for a node without data; becomes NaN in the model.</summary>
    private const float NoData = -88.8888f;

    /// <summary>
    /// Undulations beyond this are not a geoid's (Earth's lie within about ±110 m): a file
    /// holding one is garbled, or was written little-endian.
    /// </summary>
    private const float MaxUndulationMeters = 500;

    /// <summary>Bounds the grid a header may announce, so that a garbled one fails here rather than in a huge allocation.</summary>
    private const long MaxNodes = 100_000_000;

    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, longer than its header says, or not a GTX geoid grid.</exception>
    public static GeoidModel Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Read(stream, path);
    }

    /// <param name="name">Names the source in error messages.</param>
    /// <exception cref="InvalidDataException">The stream is truncated, longer than its header says, or not a GTX geoid grid.</exception>
    public static GeoidModel Read(Stream stream, string name)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        ReadExactly(stream, header, name, "header");
        var originLatitude = BinaryPrimitives.ReadDoubleBigEndian(header);
        var originLongitude = BinaryPrimitives.ReadDoubleBigEndian(header[8..]);
        var latitudeStep = BinaryPrimitives.ReadDoubleBigEndian(header[16..]);
        var longitudeStep = BinaryPrimitives.ReadDoubleBigEndian(header[24..]);
        var rows = BinaryPrimitives.ReadInt32BigEndian(header[32..]);
        var columns = BinaryPrimitives.ReadInt32BigEndian(header[36..]);
        if (!(Math.Abs(originLatitude) <= 90) || !(Math.Abs(originLongitude) <= 360)
            || !(latitudeStep is > 0 and <= 180) || !(longitudeStep is > 0 and <= 360)
            || rows < 2 || columns < 2 || (long)rows * columns > MaxNodes
            || originLatitude + (rows - 1) * latitudeStep > 90 + 1e-9)
        {
            throw new InvalidDataException(
                $"{name} is not a GTX geoid grid: its header says origin ({originLatitude}, {originLongitude}), " +
                $"steps ({latitudeStep}, {longitudeStep}), {rows} × {columns} nodes.");
        }
        var bytes = new byte[(long)rows * columns * sizeof(float)];
        ReadExactly(stream, bytes, name, $"{rows} × {columns} grid");
        if (stream.ReadByte() >= 0)
        {
            throw new InvalidDataException($"{name} is longer than the {rows} × {columns} grid its header announces.");
        }
        var undulations = new float[rows * columns];
        for (var i = 0; i < undulations.Length; i++)
        {
            var value = BinaryPrimitives.ReadSingleBigEndian(bytes.AsSpan(i * sizeof(float)));
            undulations[i] = Math.Abs(value - NoData) < 1e-3f ? float.NaN
                : Math.Abs(value) <= MaxUndulationMeters ? value
                : throw new InvalidDataException(
                    $"{name} is garbled: node {i} (row {i / columns}, column {i % columns}) holds {value} m, not a geoid undulation.");
        }
        return new GeoidModel(originLatitude, originLongitude, latitudeStep, longitudeStep, rows, columns, undulations);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string name, string what)
    {
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
        {
            throw new InvalidDataException($"{name} is truncated: its {what} needs {buffer.Length} bytes, {read} are left.");
        }
    }
}
