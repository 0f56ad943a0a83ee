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

    public RedisKeys Keys { get; } = RedisKeys.For(rangeId);

    public bool IsActive => _active;

    public BusCursor Head
    {
        get { lock (_lock) { return _head; } }
    }

    /// <summary>Joins the watcher; with a retained cursor it first replays from Redis, otherwise it returns the snapshot.</summary>
    public async Task<(RangeLiveView? Snapshot, bool EventsLost)> AttachAsync(WatcherQueue queue, string? resumeAfter, Action wakeReader)
    {
        BusCursor head;
        while (true)
        {
            await ActivateAsync(wakeReader);
            lock (_lock)
            {
                if (!_active)
                {
                    continue;
                }
                queue.Hold();
                _fanout.Add(queue);
                head = _head;
                break;
            }
        }
        try
        {
            if (BusCursor.TryParse(resumeAfter, out var cursor) && await RedisRetention.CoversAsync(client, Keys, cursor, head))
            {
                await ReplayAsync(queue, cursor, head);
                return (null, false);
            }
            return (await RedisLiveStateReader.ReadAsync(client, Keys, head), !string.IsNullOrEmpty(resumeAfter));
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
        var positions = cursor.Positions < head.Positions || cursor.Offset < head.Offset
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
