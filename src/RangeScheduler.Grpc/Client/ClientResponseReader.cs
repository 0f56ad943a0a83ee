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
    private PipeMessageReader<TResponse>? _messages;
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
        if (_messages is null)
        {
            var response = await _response.ConfigureAwait(false);
            if (!_call.HasBody)
            {
                _ended = true;
                return Finish(_call.GetStatus());
            }
            var body = PipeReader.Create(await response.Content.ReadAsStreamAsync(_call.CallCancelled).ConfigureAwait(false), _bodyOptions);
            _messages = new PipeMessageReader<TResponse>(body, _parser, "response");
        }
        var message = await _messages.ReadAsync(_call.Channel.Options.MaxReceiveMessageSize, _call.GzipResponses, _call.CallCancelled).ConfigureAwait(false);
        if (message is null)
        {
            _ended = true;
            return Finish(_call.EndFromTrailers());
        }
        Current = message;
        return true;
    }

    private bool Finish(Status status) =>
        status.StatusCode == StatusCode.OK ? false : throw new RpcException(status, _call.GetTrailers());
}
