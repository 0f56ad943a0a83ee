using Microsoft.Extensions.Logging;

namespace RangeScheduler.Grpc.Server;

internal static partial class GrpcServerLog
{
    [LoggerMessage(1, LogLevel.Debug, "Ignoring invalid grpc-timeout '{Value}' on {Method}.")]
    public static partial void InvalidTimeout(ILogger logger, string value, string method);

    [LoggerMessage(2, LogLevel.Error, "Handler of {Method} threw an unexpected exception.")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "Could not send the status of {Method}: the client is gone.")]
    public static partial void StatusNotSent(ILogger logger, string method, Exception exception);

    [LoggerMessage(4, LogLevel.Information, "Rejected {Method}: {Reason}.")]
    public static partial void CallRejected(ILogger logger, string method, string reason);
}
