using System.Buffers;
using Google.Protobuf;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry;

/// <summary>A batch of positions as the buses keep it: its PositionUpdate messages, each length-delimited.</summary>
internal static class PositionBatchCodec
{
    public static byte[] Encode(IReadOnlyList<PositionUpdate> positions)
    {
        var body = new byte[SizeOf(positions)];
        Write(positions, body);
        return body;
    }

    /// <summary>Encodes into an array rented from <paramref name="pool"/>, which the caller gives back.</summary>
    public static ArraySegment<byte> Encode(IReadOnlyList<PositionUpdate> positions, ArrayPool<byte> pool)
    {
        var size = SizeOf(positions);
        var body = pool.Rent(size);
        Write(positions, body);
        return new ArraySegment<byte>(body, 0, size);
    }

    public static List<PositionUpdate> Decode(ArraySegment<byte> body)
    {
        var positions = new List<PositionUpdate>();
        var input = new CodedInputStream(body.Array, body.Offset, body.Count);
        while (!input.IsAtEnd)
        {
            var position = new PositionUpdate();
            input.ReadMessage(position);
            positions.Add(position);
        }
        return positions;
    }

    private static int SizeOf(IReadOnlyList<PositionUpdate> positions)
    {
        var size = 0;
        foreach (var position in positions)
        {
            var length = position.CalculateSize();
            size += CodedOutputStream.ComputeLengthSize(length) + length;
        }
        return size;
    }

    private static void Write(IReadOnlyList<PositionUpdate> positions, byte[] body)
    {
        var output = new CodedOutputStream(body);
        foreach (var position in positions)
        {
            output.WriteMessage(position);
        }
        output.Flush();
    }
}
