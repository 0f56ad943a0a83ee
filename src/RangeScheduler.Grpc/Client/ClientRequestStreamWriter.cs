using Google.Protobuf;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Client;

/// <summary>Writes request messages of a streaming call, coalesced into large HTTP/2 writes.</summary>
internal sealed class ClientRequestStreamWriter<TRequest> : IClientStreamWriter<TRequest>
    where TRequest : IMessage<TRequest>
{
    private readonly GrpcCall _call;
    private readonly StreamingRequestContent _content;
    private readonly CoalescingMessageWriter _writer;
    private bool _completed;

    public ClientRequestStreamWriter(GrpcCall call, StreamingRequestContent content)
    {
        _call = call;
        _content = content;
        _writer = new CoalescingMessageWriter(SendAsync, call.Channel.Options.StreamWriteHighWaterBytes);
    }

    public Task WriteAsync(TRequest message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            return Task.FromException(new InvalidOperationException("The request stream has already been completed."));
        }
        var written = _writer.WriteAsync(message, _call.Channel.CompressRequests, _call.Channel.Options.MaxSendMessageSize);
        return written.IsCompletedSuccessfully ? written : ExplainFailureAsync(written);
    }

    public async Task CompleteAsync()
    {
        if (_completed)
        {
            return;
        }
        _completed = true;
        await ExplainFailureAsync(_writer.DrainAsync()).ConfigureAwait(false);
        _content.Complete();
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> batch)
    {
        var stream = await _content.Stream.ConfigureAwait(false);
        await stream.WriteAsync(batch, _call.CallCancelled).ConfigureAwait(false);
        await stream.FlushAsync(_call.CallCancelled).ConfigureAwait(false);
    }

    /// <summary>A write that fails because the call has ended reports how it ended.</summary>
    private async Task ExplainFailureAsync(Task write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
        {
            throw;
        }
        catch (Exception e)
        {
            var status = _call.EndWithException(e);
            if (status.StatusCode == StatusCode.OK)
            {
                throw new InvalidOperationException("The call has already ended; no more requests can be written.", e);
            }
            throw new RpcException(status, _call.GetTrailers());
        }
    }
}
