using Google.Protobuf;

namespace RangeScheduler.Grpc.Server;

internal sealed class ClientStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ClientStreamingServerMethod<TRequest, TResponse> invoker,
    GrpcCallEnvironment environment)
    : ServerCallHandler(method.FullName, MethodType.ClientStreaming, environment)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    protected override async Task HandleCallAsync(HttpServerCallContext context)
    {
        var response = await invoker(new HttpRequestStreamReader<TRequest>(context, method.RequestParser), context).ConfigureAwait(false);
        SingleResponse.Write(context, response);
    }
}
