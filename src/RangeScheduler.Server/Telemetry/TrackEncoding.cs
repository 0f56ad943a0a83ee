using System.Buffers;
using Google.Protobuf;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// How a run of one vehicle's reports is stored as a track chunk: the contract's
/// <see cref="PositionReport"/>s, each length-delimited, so a track reads back exactly as it
/// was reported, and a field added to the contract later is kept. The booking and vehicle ids
/// are left out: the chunk's row holds them, and they were half of what was written (55 of a
/// simulated swarm's 110 bytes a report), once to the log and again at each checkpoint.
/// Chunks written with the ids read back the same.
/// </summary>
public static class TrackEncoding
{
    /// <summary>Appends one report, without its booking and vehicle ids, as the next of a chunk.</summary>
    public static void Append(IBufferWriter<byte> chunk, PositionReport report)
    {
        var whole = report.CalculateSize();
        // Generated code writes fields in field-number order, so the two ids lead the message.
        var ids = FieldSize(report.BookingId) + FieldSize(report.VehicleId);
        var length = whole - ids;
        var prefix = CodedOutputStream.ComputeLengthSize(length);
        var span = chunk.GetSpan(prefix + whole);
        // The length prefix is written here as a varint: Google.Protobuf writes varints only
        // through a CodedOutputStream over an array or a stream, not into a caller's span.
        var value = (uint)length;
        var at = 0;
        for (; value >= 0x80; value >>= 7)
        {
            span[at++] = (byte)(value | 0x80);
        }
        span[at++] = (byte)value;
        report.WriteTo(span.Slice(at, whole));
        span.Slice(at + ids, length).CopyTo(span[at..]);
        chunk.Advance(prefix + length);
    }

    /// <summary>The reports of a chunk of <paramref name="bookingId"/>'s vehicle <paramref name="vehicleId"/>, ids restored.</summary>
    public static List<PositionReport> Decode(ReadOnlyMemory<byte> chunk, string bookingId, string vehicleId)
    {
        var reports = new List<PositionReport>();
        var input = new CodedInputStream(chunk.ToArray());
        while (!input.IsAtEnd)
        {
            var report = new PositionReport();
            input.ReadMessage(report);
            if (report.BookingId.Length == 0)
            {
                report.BookingId = bookingId;
            }
            if (report.VehicleId.Length == 0)
            {
                report.VehicleId = vehicleId;
            }
            reports.Add(report);
        }
        return reports;
    }

    // Tag (one byte for fields 1 and 2), length and UTF-8 bytes; an empty string is not written at all.
    private static int FieldSize(string value) => value.Length == 0 ? 0 : 1 + CodedOutputStream.ComputeStringSize(value);
}
