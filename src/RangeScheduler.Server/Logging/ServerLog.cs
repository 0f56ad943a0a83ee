using RangeScheduler.Grpc;

namespace RangeScheduler.Server.Logging;

/// <summary>The server's log messages, source-generated so that a disabled level costs nothing per call.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, EventName = "CallEnded", Message = "{Method} by {Principal}: {Status} in {ElapsedMs:0.0} ms")]
    public static partial void CallEnded(ILogger logger, LogLevel level, string method, string principal, StatusCode status, double elapsedMs);

    [LoggerMessage(EventId = 2, EventName = "DevelopmentIdentities", Level = LogLevel.Warning,
        Message = "RangeScheduler:Principals is not set: using the development identities of {Path}, whose keys are public. Set it in production")]
    public static partial void DevelopmentIdentities(ILogger logger, string path);

    [LoggerMessage(EventId = 3, EventName = "DevelopmentKey", Level = LogLevel.Information,
        Message = "Development principal {PrincipalId} ({Role}): authorization: Bearer {ApiKey}")]
    public static partial void DevelopmentKey(ILogger logger, string principalId, string role, string apiKey);
}
