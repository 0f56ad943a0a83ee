using System.IO.Pipelines;
using Google.Protobuf;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Client;

/// <summary>
/// Reads response messages off the HTTP/2 response body; at its end, reads the trailers
/// and fails with <see cref="RpcException"/> unless the status is OK.
/// </summary>
internal sealed class ClientResponseReader<TResponse> : IAsyncStreamReader<TResponse>
    where TResponse : class, IMessage<TResponse>, new()
{
    // Streams read in large chunks to take many small messages per read; single responses are usually small.
    private static readonly StreamPipeReaderOptions StreamOptions = new(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024);
    private static readonly StreamPipeReaderOptions SingleOptions = new(bufferSize: 4 * 1024, minimumReadSize: 1024);

    private readonly GrpcCall _call;
    private readonly Task<HttpResponseMessage> _response;
    private readonly MessageParser<TResponse> _parser;
    private readonly StreamPipeReaderOptions _bodyOptions;
    private PipeReader? _body;
    private bool _ended;

    public ClientResponseReader(GrpcCall call, Task<HttpResponseMessage> response, MessageParser<TResponse> parser, bool streaming)
    {
        _bodyOptions = streaming ? StreamOptions : SingleOptions;
        _call = call;
        _response = response;
        _parser = parser;
    }

    public TResponse Current { get; private set; } = default!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return Finish(_call.GetStatus());
        }
        using var registration = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static c => ((GrpcCall)c!).Cancel(), _call) : default;
        try
        {
            return await ReadAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A status from the server is already recorded; any other failure becomes the call's status here.
            _ended = true;
            return Finish(_call.EndWithException(e));
        }
    }

    private async Task<bool> ReadAsync()
    {
        if (_body is null)
        {
            var response = await _response.ConfigureAwait(false);
            if (!_call.HasBody)
            {
                _ended = true;
                return Finish(_call.GetStatus());
            }
            _body = PipeReader.Create(await response.Content.ReadAsStreamAsync(_call.CallCancelled).ConfigureAwait(false), _bodyOptions);
        }
        var maxSize = _call.Channel.Options.MaxReceiveMessageSize;
        while (true)
        {
            var result = await _body.ReadAsync(_call.CallCancelled).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (MessageFraming.TryRead(ref buffer, maxSize, out var compressed, out var payload))
            {
                Current = Parse(payload, compressed, maxSize);
                _body.AdvanceTo(buffer.Start);
                return true;
            }
            if (result.IsCompleted)
            {
                _ended = true;
                var incomplete = buffer.Length > 0;
                _body.AdvanceTo(buffer.End);
                if (incomplete)
                {
                    throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the response ended inside a message frame"));
                }
                return Finish(_call.EndFromTrailers());
            }
            _body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private TResponse Parse(System.Buffers.ReadOnlySequence<byte> payload, bool compressed, int maxSize)
    {
        try
        {
            return MessageFraming.Parse(_parser, payload, compressed, _call.GzipResponses, maxSize);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize response message: " + e.Message));
        }
    }

    private bool Finish(Status status) =>
        status.StatusCode == StatusCode.OK ? false : throw new RpcException(status, _call.GetTrailers());
}
