using System.Buffers.Binary;

namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// Reads GLOBAL_POSITION_INT (message 33) fixes from a MAVLink telemetry log (.tlog): records
/// of an 8-byte big-endian microsecond Unix timestamp followed by one MAVLink v1 (0xFE) or
/// v2 (0xFD) frame. Other messages are skipped by their length; bytes that start no record,
/// and position frames whose CRC fails, are stepped over one byte at a time until a record
/// lines up again.
/// </summary>
public sealed class MavlinkLogReader
{
    private const int TimestampLength = 8;
    private const int V1HeaderLength = 6;
    private const int V2HeaderLength = 10;
    private const int ChecksumLength = 2;
    private const int SignatureLength = 13;
    private const int LongestRecord = TimestampLength + V2HeaderLength + 255 + ChecksumLength + SignatureLength;
    private const byte V1Magic = 0xFE;
    private const byte V2Magic = 0xFD;
    private const byte V2SignedFlag = 0x01;

    // A timestamp outside 2000..2100 means the bytes are not the start of a record.
    private const ulong EarliestMicroseconds = 946_684_800_000_000;
    private const ulong LatestMicroseconds = 4_102_444_800_000_000;

    /// <summary>Fixes in log order; reads <paramref name="log"/> in blocks, never all at once.</summary>
    public IEnumerable<TrackFix> Read(Stream log)
    {
        var window = new byte[64 * 1024];
        int start = 0, end = 0;
        var exhausted = false;
        ulong? firstMicroseconds = null;
        while (true)
        {
            if (!exhausted && end - start < LongestRecord)
            {
                Buffer.BlockCopy(window, start, window, 0, end - start);
                end -= start;
                start = 0;
                var read = log.Read(window, end, window.Length - end);
                exhausted = read == 0;
                end += read;
                continue;
            }
            if (end - start <= TimestampLength)
            {
                yield break;
            }
            var step = Step(window.AsSpan(start, end - start), exhausted, out var microseconds, out var position);
            start += step;
            if (position is { } p)
            {
                firstMicroseconds ??= microseconds;
                yield return p.ToFix(microseconds, firstMicroseconds.Value);
            }
        }
    }

    /// <summary>How many bytes to move past, and the position the record held, if any.</summary>
    private static int Step(ReadOnlySpan<byte> bytes, bool exhausted, out ulong microseconds, out GlobalPositionInt? position)
    {
        position = null;
        microseconds = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        if (microseconds is < EarliestMicroseconds or > LatestMicroseconds)
        {
            return 1;
        }
        var frame = bytes[TimestampLength..];
        int headerLength;
        uint messageId;
        var signed = false;
        switch (frame[0])
        {
            case V1Magic when frame.Length >= V1HeaderLength:
                headerLength = V1HeaderLength;
                messageId = frame[5];
                break;
            case V2Magic when frame.Length >= V2HeaderLength:
                headerLength = V2HeaderLength;
                messageId = (uint)(frame[7] | frame[8] << 8 | frame[9] << 16);
                signed = (frame[2] & V2SignedFlag) != 0;
                break;
            default:
                return 1;
        }
        var payloadLength = frame[1];
        var frameLength = headerLength + payloadLength + ChecksumLength + (signed ? SignatureLength : 0);
        if (frame.Length < frameLength)
        {
            // A record cut off by the end of the log is junk; otherwise the window is
            // always refilled past the longest record before stepping.
            return 1;
        }
        if (messageId != GlobalPositionInt.MessageId)
        {
            return TimestampLength + frameLength;
        }
        var checkedBytes = frame[1..(headerLength + payloadLength)];
        var sent = BinaryPrimitives.ReadUInt16LittleEndian(frame[(headerLength + payloadLength)..]);
        if (MavlinkCrc.Compute(checkedBytes, GlobalPositionInt.CrcExtra) != sent)
        {
            return 1;
        }
        var systemId = headerLength == V1HeaderLength ? frame[3] : frame[5];
        position = GlobalPositionInt.Decode(frame.Slice(headerLength, payloadLength), systemId);
        return TimestampLength + frameLength;
    }
}
