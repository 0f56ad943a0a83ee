using System.Globalization;
using RangeScheduler.GroundStation.Geo;

namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// The position reports of ITU-R M.1371: message types 1, 2 and 3 (Class A) and 18
/// (Class B). Positions are in 1/10,000 minute (1/600,000 degree); 181° longitude and 91°
/// latitude mean "not available", as do SOG 1023, COG 3600 and heading 511.
/// </summary>
internal static class AisPositionReport
{
    private const int UnitsPerDegree = 600_000;
    private const int LongitudeNotAvailable = 181 * UnitsPerDegree;
    private const int LatitudeNotAvailable = 91 * UnitsPerDegree;
    private const uint SpeedNotAvailable = 1023;
    private const uint CourseNotAvailable = 3600;

    /// <summary>Bit offsets of SOG, longitude, latitude, COG and heading; the two layouts differ only in where they start.</summary>
    private readonly record struct Layout(int Speed, int Longitude, int Latitude, int Course, int Heading)
    {
        public int End => Heading + 9;
    }

    private static readonly Layout ClassA = new(50, 61, 89, 116, 128);
    private static readonly Layout ClassB = new(46, 57, 85, 112, 124);

    /// <summary>
    /// False for other message types, short payloads and reports without a position. The
    /// fix is untimed (offset zero, no time): AIS gives only the second of the minute.
    /// </summary>
    public static bool TryDecode(AisBits bits, out TrackFix fix)
    {
        fix = null!;
        if (bits.Length < 38)
        {
            return false;
        }
        var layout = bits.Unsigned(0, 6) switch
        {
            1 or 2 or 3 => ClassA,
            18 => ClassB,
            _ => (Layout?)null,
        };
        if (layout is not { } l || bits.Length < l.End)
        {
            return false;
        }
        var longitude = bits.Signed(l.Longitude, 28);
        var latitude = bits.Signed(l.Latitude, 27);
        if (longitude == LongitudeNotAvailable || latitude == LatitudeNotAvailable
            || Math.Abs(longitude) > 180 * UnitsPerDegree || Math.Abs(latitude) > 90 * UnitsPerDegree)
        {
            return false;
        }
        var speed = bits.Unsigned(l.Speed, 10);
        var course = bits.Unsigned(l.Course, 12);
        var heading = bits.Unsigned(l.Heading, 9);
        fix = new TrackFix(
            TimeSpan.Zero,
            null,
            (double)latitude / UnitsPerDegree,
            (double)longitude / UnitsPerDegree,
            null,
            speed == SpeedNotAvailable ? null : speed / 10.0 * Units.KnotsToMetersPerSecond,
            course >= CourseNotAvailable ? null : course / 10.0,
            // 511 is "not available"; 360..510 are not headings either.
            heading >= 360 ? null : heading,
            LogKind.Ais,
            bits.Unsigned(8, 30).ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
