using Google.Protobuf;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Server;

internal sealed class UnaryServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    UnaryServerMethod<TRequest, TResponse> invoker,
    GrpcCallEnvironment environment)
    : ServerCallHandler(method.FullName, MethodType.Unary, environment)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    protected override async Task HandleCallAsync(HttpServerCallContext context)
    {
        var request = await SingleRequest.ReadAsync(new HttpRequestStreamReader<TRequest>(context, method.RequestParser), context).ConfigureAwait(false);
        var response = await invoker(request, context).ConfigureAwait(false);
        SingleResponse.Write(context, response);
    }
}
