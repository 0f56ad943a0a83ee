using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Server;

/// <summary>
/// Runs one call from request headers to trailers: checks the request, sets up the call
/// context, runs the interceptors around the method, and turns the outcome into a status.
/// The subclasses, one per call shape, only read requests, invoke and write responses.
/// </summary>
internal abstract class ServerCallHandler
{
    private readonly ServerCallContinuation _pipeline;

    protected ServerCallHandler(string path, MethodType type, GrpcCallEnvironment environment)
    {
        Path = path;
        Type = type;
        Environment = environment;
        ServerCallContinuation next = InvokeAsync;
        for (var i = environment.Interceptors.Count - 1; i >= 0; i--)
        {
            var interceptor = environment.Interceptors[i];
            var inner = next;
            next = context => interceptor.InterceptAsync(context, inner);
        }
        _pipeline = next;
    }

    public string Path { get; }

    public MethodType Type { get; }

    protected GrpcCallEnvironment Environment { get; }

    public async Task HandleAsync(HttpContext http)
    {
        if (!ServerRequestValidation.TryAccept(http, Environment, out var gzipRequests, out var compressResponses))
        {
            return;
        }
        RemoveBodyLimits(http);
        using var context = new HttpServerCallContext(http, Path, Environment, compressResponses) { GzipRequests = gzipRequests };
        Status status;
        Metadata? errorTrailers = null;
        try
        {
            await _pipeline(context).ConfigureAwait(false);
            status = context.StatusFromEnd() ?? context.Status;
        }
        catch (RpcException e)
        {
            status = context.StatusFromEnd() ?? e.Status;
            errorTrailers = e.Trailers;
        }
        if (context.ClientCancelled)
        {
            // Nobody is left to read a status.
            return;
        }
        ServerStatusWriter.Write(context, status, errorTrailers);
    }

    /// <summary>Reads the requests, invokes the method and writes the responses of one call.</summary>
    protected abstract Task HandleCallAsync(HttpServerCallContext context);

    private async Task InvokeAsync(ServerCallContext callContext)
    {
        var context = (HttpServerCallContext)callContext;
        try
        {
            await HandleCallAsync(context).ConfigureAwait(false);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw Translate(context, e);
        }
    }

    private RpcException Translate(HttpServerCallContext context, Exception e)
    {
        if (context.StatusFromEnd() is { } ended)
        {
            return new RpcException(ended);
        }
        if (Environment.Options.TranslateException?.Invoke(e) is { } translated)
        {
            return translated;
        }
        GrpcServerLog.HandlerFailed(Environment.Logger, Path, e);
        var detail = Environment.Options.EnableDetailedErrors
            ? $"Exception was thrown by handler. {e.GetType().Name}: {e.Message}"
            : "Exception was thrown by handler.";
        return new RpcException(new Status(StatusCode.Unknown, detail));
    }

    /// <summary>Message size is the gRPC limit that counts; streams also have no minimum data rate.</summary>
    private void RemoveBodyLimits(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBody)
        {
            maxBody.MaxRequestBodySize = null;
        }
        if (Type != MethodType.Unary && http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }
    }
}
