namespace RangeScheduler.Server.Housekeeping;

/// <summary>
/// One kind of data the retention job trims (DESIGN.md, "Jobs": housekeeping): idempotency
/// keys now; the tracks and events of completed sessions once telemetry keeps them.
/// </summary>
public interface IRetentionTask
{
    /// <summary>What is trimmed, for the log.</summary>
    string Name { get; }

    /// <summary>Deletes what is older than <paramref name="cutoff"/>; returns how many records went.</summary>
    Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
