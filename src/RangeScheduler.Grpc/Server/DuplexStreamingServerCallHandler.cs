using Google.Protobuf;

namespace RangeScheduler.Grpc.Server;

internal sealed class DuplexStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    DuplexStreamingServerMethod<TRequest, TResponse> invoker,
    GrpcCallEnvironment environment)
    : ServerCallHandler(method.FullName, MethodType.DuplexStreaming, environment)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    protected override async Task HandleCallAsync(HttpServerCallContext context)
    {
        var responses = new HttpResponseStreamWriter<TResponse>(context);
        try
        {
            await invoker(new HttpRequestStreamReader<TRequest>(context, method.RequestParser), responses, context).ConfigureAwait(false);
        }
        finally
        {
            await responses.DrainAsync().ConfigureAwait(false);
        }
    }
}
