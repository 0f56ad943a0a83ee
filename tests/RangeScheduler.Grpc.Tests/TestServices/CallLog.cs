using System.Collections.Concurrent;

namespace RangeScheduler.Grpc.Tests.TestServices;

/// <summary>What the echo service saw from the inside, such as a handler cancelled by a deadline.</summary>
public sealed class CallLog
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly SemaphoreSlim _recorded = new(0);

    public IReadOnlyCollection<string> Events => _events;

    public void Record(string entry)
    {
        _events.Enqueue(entry);
        _recorded.Release();
    }

    /// <summary>Waits until <paramref name="entry"/> has been recorded; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(string entry, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!_events.Contains(entry))
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _recorded.WaitAsync(left))
            {
                return _events.Contains(entry);
            }
        }
        return true;
    }
}
