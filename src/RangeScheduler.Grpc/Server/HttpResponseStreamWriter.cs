using System.Buffers;
using Google.Protobuf;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Server;

/// <summary>Writes response messages of a streaming call, coalesced into large HTTP/2 writes.</summary>
internal sealed class HttpResponseStreamWriter<T> : IServerStreamWriter<T>
    where T : IMessage<T>
{
    private readonly HttpServerCallContext _context;
    private readonly CoalescingMessageWriter _writer;

    public HttpResponseStreamWriter(HttpServerCallContext context)
    {
        _context = context;
        _writer = new CoalescingMessageWriter(SendAsync, context.Environment.Options.StreamWriteHighWaterBytes);
    }

    public Task WriteAsync(T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_context.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(_context.CancellationToken);
        }
        _context.StartResponse();
        return _writer.WriteAsync(message, _context.CompressResponses, _context.Environment.Options.MaxSendMessageSize);
    }

    /// <summary>Sends what is still queued before the status goes out; a client that has gone away is not an error here.</summary>
    public async Task DrainAsync()
    {
        try
        {
            await _writer.DrainAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            GrpcServerLog.StatusNotSent(_context.Environment.Logger, _context.Method, e);
        }
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> batch)
    {
        var body = _context.HttpContext.Response.BodyWriter;
        body.Write(batch.Span);
        var result = await body.FlushAsync(_context.CancellationToken).ConfigureAwait(false);
        if (result.IsCanceled || result.IsCompleted)
        {
            throw new OperationCanceledException("The response stream was closed while messages were being sent.");
        }
    }
}
