using RangeScheduler.Contracts.V1;

namespace RangeScheduler.GroundStation.Station;

/// <summary>
/// Running totals of one or more position streams, safe to read while they run. The swarm
/// reports the difference of two snapshots each second.
/// </summary>
public sealed class FeedbackCounts
{
    private static readonly int AlertKinds = Enum.GetValues<AlertKind>().Cast<int>().Max() + 1;

    private long _batches;
    private long _fixes;
    private long _acks;
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _commands;
    private readonly long[] _alerts = new long[AlertKinds];

    internal void Sent(int fixes)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _fixes, fixes);
    }

    internal void Acked(Ack ack)
    {
        Interlocked.Increment(ref _acks);
        Interlocked.Add(ref _accepted, ack.Accepted);
        Interlocked.Add(ref _duplicates, ack.Duplicates);
        Interlocked.Add(ref _rejected, ack.Rejected.Count);
    }

    internal void Alerted(AlertKind kind)
    {
        var index = (int)kind;
        Interlocked.Increment(ref _alerts[index >= 0 && index < AlertKinds ? index : 0]);
    }

    internal void Commanded() => Interlocked.Increment(ref _commands);

    public FeedbackSnapshot Snapshot()
    {
        var alerts = new long[AlertKinds];
        for (var i = 0; i < alerts.Length; i++)
        {
            alerts[i] = Interlocked.Read(ref _alerts[i]);
        }
        return new FeedbackSnapshot(Interlocked.Read(ref _batches), Interlocked.Read(ref _fixes), Interlocked.Read(ref _acks),
            Interlocked.Read(ref _accepted), Interlocked.Read(ref _duplicates), Interlocked.Read(ref _rejected),
            Interlocked.Read(ref _commands), alerts);
    }
}

/// <summary>Totals at one moment.</summary>
/// <param name="Alerts">Alerts received, indexed by <see cref="AlertKind"/>.</param>
public sealed record FeedbackSnapshot(
    long Batches, long Fixes, long Acks, long Accepted, long Duplicates, long Rejected, long Commands, IReadOnlyList<long> Alerts)
{
    public long AlertTotal => Alerts.Sum();

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public FeedbackSnapshot Minus(FeedbackSnapshot earlier) => new(
        Batches - earlier.Batches, Fixes - earlier.Fixes, Acks - earlier.Acks, Accepted - earlier.Accepted,
        Duplicates - earlier.Duplicates, Rejected - earlier.Rejected, Commands - earlier.Commands,
        Alerts.Select((count, i) => count - earlier.Alerts[i]).ToArray());
}
