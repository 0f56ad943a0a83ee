using System.Buffers.Binary;
using RangeScheduler.GroundStation.Geo;

namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// MAVLink common message 33, GLOBAL_POSITION_INT, in its wire order (fields sorted by size):
/// time_boot_ms u32, lat i32 and lon i32 (degrees × 1e7), alt i32 (mm above mean sea
/// level), relative_alt i32 (mm above home), vx/vy/vz i16 (cm/s, north/east/down), hdg u16
/// (centidegrees; 65535 = unknown).
/// </summary>
internal readonly record struct GlobalPositionInt(
    byte SystemId, int LatitudeE7, int LongitudeE7, int AltitudeMillimeters,
    short NorthCentimetersPerSecond, short EastCentimetersPerSecond, ushort HeadingCentidegrees)
{
    public const uint MessageId = 33;
    public const byte CrcExtra = 104;
    private const int PayloadLength = 28;
    private const ushort UnknownHeading = ushort.MaxValue;

    /// <summary>MAVLink 2 drops trailing zero bytes of a payload; they are put back before reading.</summary>
    public static GlobalPositionInt Decode(ReadOnlySpan<byte> payload, byte systemId)
    {
        Span<byte> full = stackalloc byte[PayloadLength];
        full.Clear();
        payload[..Math.Min(payload.Length, PayloadLength)].CopyTo(full);
        return new GlobalPositionInt(
            systemId,
            BinaryPrimitives.ReadInt32LittleEndian(full[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(full[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(full[12..]),
            BinaryPrimitives.ReadInt16LittleEndian(full[20..]),
            BinaryPrimitives.ReadInt16LittleEndian(full[22..]),
            BinaryPrimitives.ReadUInt16LittleEndian(full[26..]));
    }

    public TrackFix ToFix(ulong microseconds, ulong firstMicroseconds)
    {
        double north = NorthCentimetersPerSecond / 100.0, east = EastCentimetersPerSecond / 100.0;
        var speed = Math.Sqrt(north * north + east * east);
        return new TrackFix(
            TimeSpan.FromTicks((long)(microseconds - firstMicroseconds) * 10),
            DateTimeOffset.UnixEpoch.AddTicks((long)microseconds * 10),
            LatitudeE7 / 1e7,
            LongitudeE7 / 1e7,
            AltitudeMillimeters / 1000.0,
            speed,
            // Standing still has no course.
            speed > 0 ? Units.BearingDegrees(east, north) : null,
            HeadingCentidegrees == UnknownHeading ? null : HeadingCentidegrees / 100.0,
            LogKind.Mavlink,
            SystemId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
