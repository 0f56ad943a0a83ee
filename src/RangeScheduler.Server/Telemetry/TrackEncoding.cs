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
    public static byte[] Encode(IReadOnlyList<PositionReport> reports)
    {
        var size = 0;
        foreach (var report in reports)
        {
            var length = report.CalculateSize();
            size += CodedOutputStream.ComputeLengthSize(length) + length;
        }
        var bytes = new byte[size];
        var output = new CodedOutputStream(bytes);
        foreach (var report in reports)
        {
            output.WriteMessage(report);
        }
        output.CheckNoSpaceLeft();
        return bytes;
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
