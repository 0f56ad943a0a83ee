using Google.Protobuf;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Server;

/// <summary>Reads request messages off the HTTP/2 request body, one frame at a time.</summary>
internal sealed class HttpRequestStreamReader<T> : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private readonly HttpServerCallContext _context;
    private readonly PipeMessageReader<T> _messages;
    private bool _ended;

    public HttpRequestStreamReader(HttpServerCallContext context, MessageParser<T> parser)
    {
        _context = context;
        _messages = new PipeMessageReader<T>(context.HttpContext.Request.BodyReader, parser, "request");
    }

    public T Current { get; private set; } = default!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }
        var token = cancellationToken.CanBeCanceled ? cancellationToken : _context.CancellationToken;
        var message = await _messages.ReadAsync(_context.Environment.Options.MaxReceiveMessageSize, _context.GzipRequests, token).ConfigureAwait(false);
        if (message is null)
        {
            _ended = true;
            return false;
        }
        Current = message;
        return true;
    }
}
