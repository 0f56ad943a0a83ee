using StackExchange.Redis;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// What an error reply from Redis means to the bus: either Redis cannot serve writes or reads
/// for now (loading, out of memory, a replica, failing to save, a script cache just flushed),
/// which is an outage like a lost connection, or the reply is about the keys themselves (a key
/// of the wrong type, say), which no retry will change.
/// </summary>
internal static class RedisReplies
{
    private static readonly string[] ForNow = ["LOADING", "BUSY", "OOM", "READONLY", "MASTERDOWN", "NOREPLICAS", "MISCONF", "TRYAGAIN", "CLUSTERDOWN", "NOSCRIPT", "EXECABORT"];

    public static bool IsAboutTheKeys(RedisServerException reply) =>
        !ForNow.Any(prefix => reply.Message.StartsWith(prefix, StringComparison.Ordinal));
}
