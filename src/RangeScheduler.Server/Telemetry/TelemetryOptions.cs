namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Ingest limits (configuration section <c>RangeScheduler:Telemetry</c>; docs/telemetry.md).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "RangeScheduler:Telemetry";

    /// <summary>How far a fix's time may lie from the server's clock, either way, before CODE_CLOCK_SKEW.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Reports per second one vehicle may send, sustained; more are CODE_RATE_LIMITED.</summary>
    public double MaxReportRateHz { get; set; } = 50;

    /// <summary>
    /// How many reports one vehicle may send at once: a station catching up after a radio gap
    /// sends everything it still may (up to the clock-skew window) in one batch.
    /// </summary>
    public int ReportBurst { get; set; } = 500;

    /// <summary>How often lost links and expired commands are looked for.</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How often the open commands issued here are compared with the bus, to publish again
    /// those it lost (Redis restarted without its data; <see cref="CommandResync"/>).
    /// </summary>
    public TimeSpan CommandResyncInterval { get; set; } = TimeSpan.FromSeconds(30);
}
