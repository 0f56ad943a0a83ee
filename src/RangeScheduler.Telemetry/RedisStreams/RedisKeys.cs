namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// The Redis keys of one range (docs/telemetry-bus.md, "Redis layout"). The range id sits in a
/// hash tag so that a cluster keeps a range's keys in one slot, as the forget script needs.
/// </summary>
internal sealed record RedisKeys(string Events, string Positions, string LastId, string Latest, string Alerts, string Commands)
{
    public static RedisKeys For(string rangeId)
    {
        var prefix = "rangescheduler:{" + rangeId + "}:";
        return new RedisKeys(prefix + "events", prefix + "positions", prefix + "last-id", prefix + "latest", prefix + "alerts", prefix + "commands");
    }
}
