using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Cursors;
using RangeScheduler.Telemetry.Watching;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// One range as this instance watches it: its watchers and the head cursor up to which the
/// stream reader has delivered. The range is read only while it has watchers; the lock orders
/// delivery against attaching, so a resume replays exactly up to where live delivery takes over.
/// </summary>
internal sealed class RedisRange(string rangeId, string instance, RedisStreamsClient client)
{
    private readonly object _lock = new();
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly RangeFanout _fanout = new();
    private BusCursor _head;
    private volatile bool _active;
    private long _localCount;

    public string RangeId => rangeId;

    public RedisKeys Keys { get; } = RedisKeys.For(rangeId);

    public bool IsActive => _active;

    public BusCursor Head
    {
        get { lock (_lock) { return _head; } }
    }

    /// <summary>
    /// Joins the watcher at a start cursor: the retained resume cursor, else the cursor of the
    /// snapshot it gets. Once this instance's reader has passed the start, what lies between
    /// the start and the reader's head is replayed from Redis, and live delivery takes over.
    /// </summary>
    public async Task<(RangeLiveView? Snapshot, bool EventsLost)> AttachAsync(
        WatcherQueue queue, string? resumeAfter, Action wakeReader, CancellationToken cancellationToken)
    {
        RangeLiveView? snapshot = null;
        BusCursor head, start;
        try
        {
            await ActivateAsync(wakeReader);
            if (!BusCursor.TryParse(resumeAfter, out start) || !await RedisRetention.CoversAsync(client, Keys, start))
            {
                (snapshot, start) = await RedisLiveStateReader.ReadAsync(client, Keys);
            }
            head = await JoinAfterAsync(queue, start, wakeReader, cancellationToken);
        }
        catch
        {
            // Activated for a watcher that never joined: stop reading the range if nobody else watches it.
            Detach(queue);
            throw;
        }
        try
        {
            await ReplayAsync(queue, start, head);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            Detach(queue);
            throw;
        }
        finally
        {
            queue.Release();
        }
        return (snapshot, snapshot is not null && !string.IsNullOrEmpty(resumeAfter));
    }

    // The watcher joins once the reader's head has reached its start, so that no live event it
    // gets lies before the start; live events wait in the queue while the replay is read.
    private async Task<BusCursor> JoinAfterAsync(WatcherQueue queue, BusCursor start, Action wakeReader, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            lock (_lock)
            {
                if (_active && _head.Events >= start.Events
                    && (_head.Positions > start.Positions || (_head.Positions == start.Positions && _head.Offset >= start.Offset)))
                {
                    queue.Hold();
                    _fanout.Add(queue);
                    return _head;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("this instance's stream reader did not reach the watcher's start within 10 s");
            }
            await ActivateAsync(wakeReader);
            await Task.Delay(10, cancellationToken);
        }
    }

    public void Detach(WatcherQueue queue)
    {
        lock (_lock)
        {
            if (_fanout.Remove(queue))
            {
                _active = false;
            }
        }
    }

    /// <summary>Delivers what the stream reader read; entries the head already covers are skipped.</summary>
    public void Deliver(IReadOnlyList<StreamEntry> events, IReadOnlyList<StreamEntry> positions)
    {
        lock (_lock)
        {
            if (!_active)
            {
                return;
            }
            foreach (var (rangeEvent, isPosition) in EntryMerger.Merge(() => _head, c => _head = c, events, positions, instance))
            {
                if (isPosition)
                {
                    _fanout.DeliverPosition(rangeEvent);
                }
                else
                {
                    _fanout.DeliverControl(rangeEvent);
                }
            }
        }
    }

    /// <summary>
    /// Redis is down: this instance's watchers get the item straight away, with a local cursor
    /// that no bus resumes from (docs/telemetry-bus.md, "Faults").
    /// </summary>
    public void DeliverLocally(WriteItem item)
    {
        lock (_lock)
        {
            switch (item)
            {
                case ControlWrite control:
                    var rangeEvent = control.Event.Clone();
                    rangeEvent.Cursor = LocalCursor();
                    _fanout.DeliverControl(rangeEvent);
                    break;
                case PositionsWrite batch:
                    foreach (var position in batch.Positions)
                    {
                        _fanout.DeliverPosition(new RangeEvent { Position = position, Cursor = LocalCursor() });
                    }
                    break;
            }
        }
    }

    private string LocalCursor() => (_head with { Origin = "l" + instance, Offset = (int)(++_localCount & int.MaxValue) }).ToString();

    private async Task ReplayAsync(WatcherQueue queue, BusCursor cursor, BusCursor head)
    {
        var events = cursor.Events < head.Events ? client.RangeAsync(Keys.Events, cursor.Events, head.Events) : Task.FromResult(new List<StreamEntry>());
        var positions = cursor.Positions < head.Positions || (cursor.Positions == head.Positions && cursor.Offset < head.Offset)
            ? client.RangeAsync(Keys.Positions, cursor.Positions, head.Positions)
            : Task.FromResult(new List<StreamEntry>());
        var at = cursor;
        foreach (var (rangeEvent, isPosition) in EntryMerger.Merge(() => at, c => at = c, await events, await positions, skipOutageWritesOf: null))
        {
            queue.Replay(rangeEvent, isPosition);
        }
    }

    private async Task ActivateAsync(Action wakeReader)
    {
        if (_active)
        {
            return;
        }
        await _starting.WaitAsync();
        try
        {
            if (!_active)
            {
                var head = await RedisLiveStateReader.HeadAsync(client, Keys);
                lock (_lock)
                {
                    _head = head;
                    _active = true;
                }
                wakeReader();
            }
        }
        finally
        {
            _starting.Release();
        }
    }
}
