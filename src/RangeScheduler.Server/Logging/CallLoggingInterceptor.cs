using System.Diagnostics;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Identities;

namespace RangeScheduler.Server.Logging;

/// <summary>
/// Logs one line per call: method, principal, status and elapsed time. Added before the
/// authentication interceptor, so that refused calls are logged too.
/// </summary>
public sealed class CallLoggingInterceptor(ILogger<CallLoggingInterceptor> logger) : IServerCallInterceptor
{
    /// <summary>Stands in for the principal of calls that did not authenticate (refused, or health and reflection).</summary>
    public const string Anonymous = "anonymous";

    public async Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
    {
        var started = Stopwatch.GetTimestamp();
        // Unknown until next says otherwise: covers an exception that is not an RpcException.
        var status = StatusCode.Unknown;
        try
        {
            await next(context);
            status = context.Status.StatusCode;
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
            throw;
        }
        finally
        {
            var principal = context.GetPrincipal()?.Id ?? Anonymous;
            ServerLog.CallEnded(logger, LevelOf(status), context.Method, principal, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Failures of the server itself are errors; every other outcome, the caller's doing, is information.</summary>
    private static LogLevel LevelOf(StatusCode status) =>
        status is StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss ? LogLevel.Error : LogLevel.Information;
}
