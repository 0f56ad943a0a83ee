using Google.Protobuf;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry;

/// <summary>A batch of positions as the buses keep it: its PositionUpdate messages, each length-delimited.</summary>
internal static class PositionBatchCodec
{
    public static byte[] Encode(IReadOnlyList<PositionUpdate> positions)
    {
        var size = 0;
        foreach (var position in positions)
        {
            var length = position.CalculateSize();
            size += CodedOutputStream.ComputeLengthSize(length) + length;
        }
        var body = new byte[size];
        var output = new CodedOutputStream(body);
        foreach (var position in positions)
        {
            output.WriteMessage(position);
        }
        output.CheckNoSpaceLeft();
        return body;
    }

    public static List<PositionUpdate> Decode(byte[] body)
    {
        var positions = new List<PositionUpdate>();
        var input = new CodedInputStream(body);
        while (!input.IsAtEnd)
        {
            var position = new PositionUpdate();
            input.ReadMessage(position);
            positions.Add(position);
        }
        return positions;
    }
}
