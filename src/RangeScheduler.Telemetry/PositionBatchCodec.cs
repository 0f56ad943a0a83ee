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

    /// <summary>
    /// Each position's message in an encoded batch, in order, without decoding it: the bytes its
    /// <c>ToByteArray</c> would give, which the batch already holds.
    /// </summary>
    /// <exception cref="InvalidDataException">A length prefix is malformed or runs past the end of <paramref name="body"/>.</exception>
    public static IEnumerable<ArraySegment<byte>> Messages(byte[] body)
    {
        var offset = 0;
        while (offset < body.Length)
        {
            var (length, prefix) = ReadLength(body, offset);
            offset += prefix;
            if (length > body.Length - offset)
            {
                throw new InvalidDataException($"A position of the batch claims {length} bytes; {body.Length - offset} remain.");
            }
            yield return new ArraySegment<byte>(body, offset, length);
            offset += length;
        }
    }

    /// <summary>A length prefix: a varint of at most five bytes, as protobuf writes it.</summary>
    private static (int Length, int Prefix) ReadLength(byte[] body, int offset)
    {
        var length = 0;
        for (var i = 0; i < 5 && offset + i < body.Length; i++)
        {
            length |= (body[offset + i] & 0x7F) << (7 * i);
            if (body[offset + i] < 0x80)
            {
                return length >= 0 ? (length, i + 1) : throw new InvalidDataException("A position of the batch has a malformed length.");
            }
        }
        throw new InvalidDataException("A position of the batch has a malformed length.");
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
