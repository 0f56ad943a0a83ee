using System.Threading.Channels;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry.Watching;

/// <summary>
/// One watcher's undelivered events (docs/telemetry-bus.md, "Watcher queue"). Control events
/// are bounded: overflow ends the reader with <see cref="RangeWatcherTooSlowException"/>.
/// Positions coalesce once the watcher lags: a newer position of the same (booking, vehicle)
/// removes the undelivered older one and joins the tail, never an earlier place, so what is
/// delivered is always a subsequence of what was published and no cursor can pass an
/// undelivered control event. A watcher that does not want positions never queues one: at
/// swarm scale they are nearly all of a range's traffic.
/// </summary>
internal sealed class WatcherQueue(int controlCapacity, int coalescePositionsAfter, bool wantsPositions = true) : ChannelReader<RangeEvent>
{
    private readonly object _lock = new();
    private readonly LinkedList<RangeEvent> _items = new();
    private readonly Dictionary<VehicleKey, LinkedListNode<RangeEvent>> _newestPosition = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<bool>? _waiter;
    private List<(RangeEvent Event, bool IsPosition)>? _held;
    private int _controls;
    private int _positions;
    private bool _completed;
    private Exception? _error;

    public override Task Completion => _completion.Task;

    /// <summary>False for a watcher of control events only; publishers then skip it for positions.</summary>
    public bool WantsPositions => wantsPositions;

    public override bool CanCount => true;

    public override int Count
    {
        get { lock (_lock) { return _items.Count; } }
    }

    /// <summary>Queues a control event; false when the watcher is (now) gone, so that the publisher forgets it.</summary>
    public bool EnqueueControl(RangeEvent rangeEvent) => Enqueue(rangeEvent, isPosition: false, live: true);

    /// <summary>Queues a position, coalescing it when the watcher lags; false when the watcher is gone.</summary>
    public bool EnqueuePosition(RangeEvent rangeEvent) => Enqueue(rangeEvent, isPosition: true, live: true);

    /// <summary>
    /// From now on live events wait aside until <see cref="Release"/>, so that a replay read
    /// from the store can go first (the Redis bus's resume).
    /// </summary>
    public void Hold()
    {
        lock (_lock) { _held = new(); }
    }

    /// <summary>Queues a replayed event ahead of the live events held since <see cref="Hold"/>.</summary>
    public void Replay(RangeEvent rangeEvent, bool isPosition) => Enqueue(rangeEvent, isPosition, live: false);

    public void Release()
    {
        List<(RangeEvent Event, bool IsPosition)> held;
        lock (_lock)
        {
            held = _held ?? [];
            _held = null;
        }
        foreach (var (rangeEvent, isPosition) in held)
        {
            Enqueue(rangeEvent, isPosition, live: false);
        }
    }

    /// <summary>Ends the reader once the queued events are read; with an error, the reader then throws it.</summary>
    public void Complete(Exception? error = null)
    {
        TaskCompletionSource<bool>? waiter;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            _error = error;
            _held = null;
            waiter = _waiter;
            _waiter = null;
            CompleteIfDrained();
        }
        if (error is null)
        {
            waiter?.TrySetResult(false);
        }
        else
        {
            waiter?.TrySetException(error);
        }
    }

    public override bool TryRead(out RangeEvent item)
    {
        lock (_lock)
        {
            var first = _items.First;
            if (first is null)
            {
                item = null!;
                return false;
            }
            _items.RemoveFirst();
            item = first.Value;
            if (item.EventCase == RangeEvent.EventOneofCase.Position)
            {
                _positions--;
                var key = VehicleKey.Of(item.Position);
                if (_newestPosition.TryGetValue(key, out var newest) && newest == first)
                {
                    _newestPosition.Remove(key);
                }
            }
            else
            {
                _controls--;
            }
            CompleteIfDrained();
            return true;
        }
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        Task<bool> waiting;
        lock (_lock)
        {
            if (_items.Count > 0)
            {
                return new ValueTask<bool>(true);
            }
            if (_completed)
            {
                return _error is null ? new ValueTask<bool>(false) : ValueTask.FromException<bool>(_error);
            }
            _waiter ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = _waiter.Task;
        }
        return new ValueTask<bool>(waiting.WaitAsync(cancellationToken));
    }

    private bool Enqueue(RangeEvent rangeEvent, bool isPosition, bool live)
    {
        TaskCompletionSource<bool>? waiter;
        RangeWatcherTooSlowException? overflow = null;
        lock (_lock)
        {
            if (_completed)
            {
                return false;
            }
            if (isPosition && !wantsPositions)
            {
                return true;
            }
            if (live && _held is not null)
            {
                _held.Add((rangeEvent, isPosition));
                return true;
            }
            if (isPosition)
            {
                AddPosition(rangeEvent);
            }
            else if (_controls < controlCapacity)
            {
                _items.AddLast(rangeEvent);
                _controls++;
            }
            else
            {
                overflow = new RangeWatcherTooSlowException();
            }
            waiter = _waiter;
            _waiter = null;
        }
        if (overflow is not null)
        {
            Complete(overflow);
            return false;
        }
        waiter?.TrySetResult(true);
        return true;
    }

    private void AddPosition(RangeEvent rangeEvent)
    {
        var key = VehicleKey.Of(rangeEvent.Position);
        if (_positions >= coalescePositionsAfter && _newestPosition.TryGetValue(key, out var older))
        {
            _items.Remove(older);
            _positions--;
        }
        _newestPosition[key] = _items.AddLast(rangeEvent);
        _positions++;
    }

    private void CompleteIfDrained()
    {
        if (!_completed || _items.Count > 0)
        {
            return;
        }
        if (_error is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(_error);
        }
    }
}
