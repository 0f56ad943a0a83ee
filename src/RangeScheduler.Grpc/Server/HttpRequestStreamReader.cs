using System.IO.Pipelines;
using Google.Protobuf;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Server;

/// <summary>Reads request messages off the HTTP/2 request body, one frame at a time.</summary>
internal sealed class HttpRequestStreamReader<T> : IAsyncStreamReader<T>
    where T : IMessage<T>
{
    private readonly HttpServerCallContext _context;
    private readonly PipeReader _body;
    private readonly MessageParser<T> _parser;
    private bool _ended;

    public HttpRequestStreamReader(HttpServerCallContext context, MessageParser<T> parser)
    {
        _context = context;
        _body = context.HttpContext.Request.BodyReader;
        _parser = parser;
    }

    public T Current { get; private set; } = default!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }
        var token = cancellationToken.CanBeCanceled ? cancellationToken : _context.CancellationToken;
        var maxSize = _context.Environment.Options.MaxReceiveMessageSize;
        while (true)
        {
            var result = await _body.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (MessageFraming.TryRead(ref buffer, maxSize, out var compressed, out var payload))
            {
                Current = Parse(payload, compressed, maxSize);
                _body.AdvanceTo(buffer.Start);
                return true;
            }
            if (result.IsCompleted || result.IsCanceled)
            {
                _ended = true;
                var incomplete = buffer.Length > 0;
                _body.AdvanceTo(buffer.End);
                if (incomplete)
                {
                    throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the request ended inside a message frame"));
                }
                return false;
            }
            _body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private T Parse(System.Buffers.ReadOnlySequence<byte> payload, bool compressed, int maxSize)
    {
        try
        {
            return MessageFraming.Parse(_parser, payload, compressed, _context.GzipRequests, maxSize);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize request message: " + e.Message));
        }
    }
}
