namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// CRC-16/MCRF4XX as MAVLink uses it: seeded with 0xFFFF, over every frame byte after the
/// magic, then over the message's CRC_EXTRA byte, which ties the checksum to the message
/// definition so that a sender with another layout of the same id is rejected.
/// </summary>
internal static class MavlinkCrc
{
    public static ushort Compute(ReadOnlySpan<byte> bytes, byte crcExtra)
    {
        ushort crc = 0xFFFF;
        foreach (var b in bytes)
        {
            crc = Accumulate(crc, b);
        }
        return Accumulate(crc, crcExtra);
    }

    private static ushort Accumulate(ushort crc, byte b)
    {
        var tmp = (byte)(b ^ (byte)(crc & 0xFF));
        tmp ^= (byte)(tmp << 4);
        return (ushort)((crc >> 8) ^ (tmp << 8) ^ (tmp << 3) ^ (tmp >> 4));
    }
}
