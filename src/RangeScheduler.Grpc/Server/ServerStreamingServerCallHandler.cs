using Google.Protobuf;

namespace RangeScheduler.Grpc.Server;

internal sealed class ServerStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerStreamingServerMethod<TRequest, TResponse> invoker,
    GrpcCallEnvironment environment)
    : ServerCallHandler(method.FullName, MethodType.ServerStreaming, environment)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    protected override async Task HandleCallAsync(HttpServerCallContext context)
    {
        var request = await SingleRequest.ReadAsync(new HttpRequestStreamReader<TRequest>(context, method.RequestParser), context).ConfigureAwait(false);
        var responses = new HttpResponseStreamWriter<TResponse>(context);
        try
        {
            await invoker(request, responses, context).ConfigureAwait(false);
        }
        finally
        {
            await responses.DrainAsync().ConfigureAwait(false);
        }
    }
}
