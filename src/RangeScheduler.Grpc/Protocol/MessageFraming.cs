using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace RangeScheduler.Grpc.Protocol;

/// <summary>
/// The gRPC length-prefixed message: a compressed flag, a four-byte big-endian length and
/// the message bytes. Both sides of the transport frame and unframe messages here only.
/// </summary>
internal static class MessageFraming
{
    /// <summary>Serializes <paramref name="message"/> as one frame, gzip-compressed when asked.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the message exceeds <paramref name="maxSize"/>.</exception>
    public static void Write(IBufferWriter<byte> output, IMessage message, bool compress, int? maxSize)
    {
        var size = message.CalculateSize();
        CheckSendSize(size, maxSize);
        if (compress)
        {
            WriteCompressed(output, message, size);
            return;
        }
        var span = output.GetSpan(GrpcProtocol.FrameHeaderSize + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        message.WriteTo(span.Slice(GrpcProtocol.FrameHeaderSize, size));
        output.Advance(GrpcProtocol.FrameHeaderSize + size);
    }

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/>; false when the
    /// buffer does not yet hold one. The payload is still compressed if the flag says so.
    /// </summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the frame announces more than <paramref name="maxSize"/> bytes.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocol.FrameHeaderSize)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[GrpcProtocol.FrameHeaderSize];
        buffer.Slice(0, GrpcProtocol.FrameHeaderSize).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {maxSize})"));
        }
        if (buffer.Length < GrpcProtocol.FrameHeaderSize + length)
        {
            return false;
        }
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(new Status(StatusCode.Internal, $"Invalid compressed flag {header[0]} in message frame")),
        };
        payload = buffer.Slice(GrpcProtocol.FrameHeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>Parses a payload taken by <see cref="TryRead"/>, inflating it first when it is compressed.</summary>
    public static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed, bool gzipNegotiated, int maxSize)
        where T : IMessage<T>
    {
        if (!compressed)
        {
            return parser.ParseFrom(payload);
        }
        if (!gzipNegotiated)
        {
            throw new RpcException(new Status(StatusCode.Internal,
                "Received a compressed message but grpc-encoding named no compression"));
        }
        return parser.ParseFrom(MessageCompression.Decompress(payload, maxSize));
    }

    private static void WriteCompressed(IBufferWriter<byte> output, IMessage message, int size)
    {
        var raw = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            message.WriteTo(raw.AsSpan(0, size));
            var compressed = MessageCompression.Compress(raw.AsSpan(0, size));
            var span = output.GetSpan(GrpcProtocol.FrameHeaderSize + compressed.Length);
            span[0] = 1;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)compressed.Length);
            compressed.CopyTo(span[GrpcProtocol.FrameHeaderSize..]);
            output.Advance(GrpcProtocol.FrameHeaderSize + compressed.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when <paramref name="size"/> exceeds <paramref name="maxSize"/>.</exception>
    public static void CheckSendSize(int size, int? maxSize)
    {
        if (maxSize is { } max && size > max)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size ({size} vs. {max})"));
        }
    }
}
