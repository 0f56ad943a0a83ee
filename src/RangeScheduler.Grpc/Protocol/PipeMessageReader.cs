using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;

namespace RangeScheduler.Grpc.Protocol;

/// <summary>
/// Reads length-prefixed messages off an HTTP/2 body, one at a time, taking whole frames
/// the pipe already holds without waiting. Both the server's request reader and the
/// client's response reader use it.
/// </summary>
internal sealed class PipeMessageReader<T>(PipeReader body, MessageParser<T> parser, string side)
    where T : class, IMessage<T>
{
    /// <summary>The next message, or null at the end of the body.</summary>
    /// <exception cref="RpcException">
    /// RESOURCE_EXHAUSTED for a message over <paramref name="maxSize"/>; INTERNAL for a body
    /// that ends inside a frame or a message that does not parse.
    /// </exception>
    public async ValueTask<T?> ReadAsync(int maxSize, bool gzipNegotiated, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (MessageFraming.TryRead(ref buffer, maxSize, out var compressed, out var payload))
            {
                var message = Parse(payload, compressed, gzipNegotiated, maxSize);
                body.AdvanceTo(buffer.Start);
                return message;
            }
            if (result.IsCompleted || result.IsCanceled)
            {
                var incomplete = buffer.Length > 0;
                body.AdvanceTo(buffer.End);
                return incomplete
                    ? throw new RpcException(new Status(StatusCode.Internal, $"Incomplete message: the {side} ended inside a message frame"))
                    : null;
            }
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private T Parse(ReadOnlySequence<byte> payload, bool compressed, bool gzipNegotiated, int maxSize)
    {
        try
        {
            return MessageFraming.Parse(parser, payload, compressed, gzipNegotiated, maxSize);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Failed to deserialize {side} message: {e.Message}"));
        }
    }
}
