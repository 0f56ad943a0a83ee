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

    [LoggerMessage(EventId = 20, EventName = "ConformanceNotRecorded", Level = LogLevel.Warning,
        Message = "The conformance of booking {BookingId} could not be written; it is written again at its next change")]
    public static partial void ConformanceNotRecorded(ILogger logger, string bookingId, Exception error);

    [LoggerMessage(EventId = 21, EventName = "TrackChunkDropped", Level = LogLevel.Warning,
        Message = "The track recorder is full: {Count} reports of booking {BookingId} were not recorded")]
    public static partial void TrackChunkDropped(ILogger logger, string bookingId, int count);

    [LoggerMessage(EventId = 22, EventName = "WatchdogFailed", Level = LogLevel.Error,
        Message = "The conformance watchdog's round failed; it tries again at the next")]
    public static partial void WatchdogFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 23, EventName = "CommandNotApplied", Level = LogLevel.Warning,
        Message = "Command {CommandId} could not be applied to booking {BookingId}")]
    public static partial void CommandNotApplied(ILogger logger, string commandId, string bookingId, Exception error);

    [LoggerMessage(EventId = 24, EventName = "CommandStatusNotStored", Level = LogLevel.Warning,
        Message = "Command {CommandId} is {Status}, but that could not be stored; after a restart it is delivered again until a station acknowledges it")]
    public static partial void CommandStatusNotStored(ILogger logger, string commandId, string status, Exception error);

    [LoggerMessage(EventId = 25, EventName = "CommandsRestored", Level = LogLevel.Information,
        Message = "Restored {Restored} of {Stored} stored commands of range {RangeId} that the bus no longer had")]
    public static partial void CommandsRestored(ILogger logger, string rangeId, int restored, int stored);

    [LoggerMessage(EventId = 26, EventName = "CommandsNotCompared", Level = LogLevel.Warning,
        Message = "The bus cannot be read to compare the stored commands of range {RangeId}; they are delivered from this process, and the bus gets them as stations report")]
    public static partial void CommandsNotCompared(ILogger logger, string rangeId, Exception error);

    [LoggerMessage(EventId = 27, EventName = "CommandUnreadable", Level = LogLevel.Error,
        Message = "Stored command {CommandId} of range {RangeId} cannot be read and is not restored")]
    public static partial void CommandUnreadable(ILogger logger, string commandId, string rangeId, Exception error);

    [LoggerMessage(EventId = 28, EventName = "CommandsResynced", Level = LogLevel.Warning,
        Message = "The bus had lost {Count} open commands of range {RangeId} issued here; they are published again")]
    public static partial void CommandsResynced(ILogger logger, string rangeId, int count);

    [LoggerMessage(EventId = 29, EventName = "CommandResyncFailed", Level = LogLevel.Error,
        Message = "Comparing the open commands of range {RangeId} with the bus failed; it is tried again at the next round")]
    public static partial void CommandResyncFailed(ILogger logger, string rangeId, Exception error);

    [LoggerMessage(EventId = 30, EventName = "TrackEndsUnreadable", Level = LogLevel.Warning,
        Message = "The stored tracks of {Count} vehicles new to this process could not be read; their duplicates are told from what the bus knows alone")]
    public static partial void TrackEndsUnreadable(ILogger logger, int count, Exception error);

    [LoggerMessage(EventId = 31, EventName = "TrackChunkUnreadable", Level = LogLevel.Error,
        Message = "The newest stored track chunk of vehicle {VehicleId} of booking {BookingId} cannot be decoded; its duplicates are told from what the bus knows alone")]
    public static partial void TrackChunkUnreadable(ILogger logger, string bookingId, string vehicleId, Exception error);
}
