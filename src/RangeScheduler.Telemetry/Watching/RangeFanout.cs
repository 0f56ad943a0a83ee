using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry.Watching;

/// <summary>
/// The watchers of one range on this instance. Delivering is O(watchers) and never waits: each
/// watcher's queue takes the event or drops the watcher. The watcher list is copied on change,
/// so delivering reads it without a lock.
/// </summary>
internal sealed class RangeFanout
{
    private readonly object _lock = new();
    private WatcherQueue[] _watchers = [];

    public bool IsEmpty => Volatile.Read(ref _watchers).Length == 0;

    /// <summary>False when no watcher here takes positions, so that none need be made into events.</summary>
    public bool WantsPositions => Volatile.Read(ref _watchers).Any(w => w.WantsPositions);

    public void Add(WatcherQueue watcher)
    {
        lock (_lock)
        {
            _watchers = [.. _watchers, watcher];
        }
    }

    /// <summary>Forgets the watcher and ends its reader; true when no watcher is left.</summary>
    public bool Remove(WatcherQueue watcher)
    {
        watcher.Complete();
        lock (_lock)
        {
            _watchers = _watchers.Where(w => w != watcher).ToArray();
            return _watchers.Length == 0;
        }
    }

    public void DeliverControl(RangeEvent rangeEvent)
    {
        foreach (var watcher in Volatile.Read(ref _watchers))
        {
            if (!watcher.EnqueueControl(rangeEvent))
            {
                Forget(watcher);
            }
        }
    }

    public void DeliverPosition(RangeEvent rangeEvent)
    {
        foreach (var watcher in Volatile.Read(ref _watchers))
        {
            if (watcher.WantsPositions && !watcher.EnqueuePosition(rangeEvent))
            {
                Forget(watcher);
            }
        }
    }

    // A watcher that overflowed keeps its reader (it drains, then throws); only the list forgets it.
    private void Forget(WatcherQueue watcher)
    {
        lock (_lock)
        {
            _watchers = _watchers.Where(w => w != watcher).ToArray();
        }
    }
}
