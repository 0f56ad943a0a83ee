using System.Buffers;
using Google.Protobuf;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// How a run of one vehicle's reports is stored as a track chunk: the contract's
/// <see cref="PositionReport"/>s, each length-delimited, so a track reads back exactly as it
/// was reported, and a field added to the contract later is kept.
/// </summary>
public static class TrackEncoding
{
    /// <summary>Appends one report as the next of a chunk.</summary>
    public static void Append(IBufferWriter<byte> chunk, PositionReport report)
    {
        var length = report.CalculateSize();
        var prefix = CodedOutputStream.ComputeLengthSize(length);
        var span = chunk.GetSpan(prefix + length);
        // The length prefix is written here as a varint: Google.Protobuf writes varints only
        // through a CodedOutputStream over an array or a stream, not into a caller's span.
        var value = (uint)length;
        var at = 0;
        for (; value >= 0x80; value >>= 7)
        {
            span[at++] = (byte)(value | 0x80);
        }
        span[at++] = (byte)value;
        report.WriteTo(span.Slice(at, length));
        chunk.Advance(prefix + length);
    }

    public static List<PositionReport> Decode(ReadOnlyMemory<byte> chunk)
    {
        var reports = new List<PositionReport>();
        var input = new CodedInputStream(chunk.ToArray());
        while (!input.IsAtEnd)
        {
            var report = new PositionReport();
            input.ReadMessage(report);
            reports.Add(report);
        }
        return reports;
    }
}
