namespace RangeScheduler.Grpc;

/// <summary>Runs the rest of the call: later interceptors, then the method.</summary>
public delegate Task ServerCallContinuation(ServerCallContext context);

/// <summary>
/// Wraps every call, in the order the interceptors were added: where authentication and
/// per-call logging plug in. An interceptor ends a call early by throwing
/// <see cref="RpcException"/> instead of calling <c>next</c>; when <c>next</c> returns,
/// <see cref="ServerCallContext.Status"/> holds the status the call will end with, and
/// when the method failed, <c>next</c> throws the <see cref="RpcException"/> that ends it.
/// </summary>
public interface IServerCallInterceptor
{
    Task InterceptAsync(ServerCallContext context, ServerCallContinuation next);
}
