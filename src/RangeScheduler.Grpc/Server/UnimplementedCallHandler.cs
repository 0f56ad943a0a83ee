using Microsoft.AspNetCore.Http;

namespace RangeScheduler.Grpc.Server;

/// <summary>
/// Answers a method no handler serves: one of a mapped service that its class does not
/// implement, or a path no service has.
/// </summary>
internal sealed class UnimplementedCallHandler(string path, GrpcCallEnvironment environment)
    : ServerCallHandler(path, MethodType.Unary, environment)
{
    /// <summary>For the fallback route: a gRPC request for a path nobody serves; other requests get 404.</summary>
    public static Task HandleUnknownPathAsync(HttpContext http, GrpcCallEnvironment environment)
    {
        if (!Protocol.GrpcProtocol.IsGrpcContentType(http.Request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return new UnimplementedCallHandler(http.Request.Path.Value ?? "", environment).HandleAsync(http);
    }

    protected override Task HandleCallAsync(HttpServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, $"Method {context.Method} is not implemented"));
}
