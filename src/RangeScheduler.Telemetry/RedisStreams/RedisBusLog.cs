using Microsoft.Extensions.Logging;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>The Redis bus's log messages (grpc-dotnet GrpcServerLog style).</summary>
internal static partial class RedisBusLog
{
    [LoggerMessage(1, LogLevel.Warning, "Redis is unreachable: the bus delivers to this instance's watchers only and keeps alerts, commands and booking events to write later")]
    public static partial void RedisDown(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Redis is back")]
    public static partial void RedisBack(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "The outage buffer is full: the oldest kept event of range {RangeId} is dropped")]
    public static partial void OutageBufferFull(ILogger logger, string rangeId);

    [LoggerMessage(4, LogLevel.Information, "Wrote {Count} alerts, commands and booking events kept during the Redis outage")]
    public static partial void OutageWritten(ILogger logger, int count);

    [LoggerMessage(5, LogLevel.Error, "The bus's {Loop} loop failed unexpectedly; it goes on")]
    public static partial void LoopFailed(ILogger logger, string loop, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "Redis refused a write of range {RangeId}: {Error}. This instance's watchers had it; other instances may not. Further refusals like it are not logged")]
    public static partial void WriteRefused(ILogger logger, string rangeId, string error);

    [LoggerMessage(7, LogLevel.Error, "Range {RangeId}'s streams cannot be read ({Key} holds a {Type}): its watchers on this instance get nothing new until it is repaired; the other ranges are read without it")]
    public static partial void RangeUnreadable(ILogger logger, string rangeId, string key, string type);

    [LoggerMessage(8, LogLevel.Information, "Range {RangeId}'s streams can be read again")]
    public static partial void RangeReadableAgain(ILogger logger, string rangeId);
}
