namespace RangeScheduler.Telemetry;

/// <summary>Bus settings, bound by the host from the configuration section <c>RangeScheduler:Bus</c>.</summary>
public sealed class RangeBusOptions
{
    /// <summary>Entries older than this are trimmed; a cursor pointing before them is no longer retained.</summary>
    public TimeSpan RetentionAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Entries kept per stream (events, positions) at most; Redis trims approximately (<c>MAXLEN ~</c>).</summary>
    public int MaxStreamLength { get; set; } = 200_000;

    /// <summary>
    /// Positions kept per range at most, however they are batched: a swarm publishes 100,000 a
    /// second, and an hour of them would not fit in memory. Redis trims approximately.
    /// </summary>
    public int MaxRetainedPositions { get; set; } = 250_000;

    /// <summary>Undelivered alerts, commands, booking events and closures per watcher before it is dropped as too slow.</summary>
    public int WatcherQueue { get; set; } = 65_536;

    /// <summary>
    /// Undelivered positions per watcher from which it counts as lagging: each new position then
    /// replaces the watcher's undelivered one of the same (booking, vehicle).
    /// </summary>
    public int CoalescePositionsAfter { get; set; } = 16_384;

    /// <summary>Alerts, commands and booking events kept while Redis is down, to be written when it is back; the oldest go first.</summary>
    public int OutageBuffer { get; set; } = 65_536;
}
