namespace RangeScheduler.Grpc.Server;

/// <summary>
/// Cancels a call when its <c>grpc-timeout</c> runs out. Time comes from a
/// <see cref="TimeProvider"/>, so tests can move it.
/// </summary>
internal sealed class ServerCallDeadline : IDisposable
{
    // System timers cannot wait longer than about 49 days; a longer timeout never fires in practice.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly ITimer? _timer;

    public ServerCallDeadline(TimeProvider time, TimeSpan timeout, Action onExpired)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Deadline = timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
        if (timeout <= LongestTimer)
        {
            _timer = time.CreateTimer(static state => ((Action)state!)(), onExpired, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>When the caller stops waiting, UTC.</summary>
    public DateTime Deadline { get; }

    public void Dispose() => _timer?.Dispose();
}
