using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Cursors;
using RangeScheduler.Telemetry.Watching;

namespace RangeScheduler.Telemetry.InProcess;

/// <summary>
/// One range on the in-process bus: a single numbered log of control events and position
/// batches (ids <c>0-n</c> shared by both logical streams, so the log order is the merge
/// order), the live state and the watchers. One lock orders publishing, trimming and
/// attaching, so a resume replays exactly up to where live delivery takes over. What the log
/// keeps is encoded, and made into events again only for a replay: a swarm's retained
/// positions as objects were hundreds of thousands that every collection copied, and so were
/// the booking events of a busy range (an hour of them, some thirty objects each, against one
/// array encoded). Position batches' arrays come from a pool of the range's and go back when
/// trimmed: fresh ones lived just long enough to be copied twice and then die in generation 2.
/// </summary>
internal sealed class MemoryRange(string origin, RangeBusOptions options, TimeProvider time)
{
    private readonly object _lock = new();
    private readonly Queue<LogEntry> _log = new();
    private long _retainedPositions;
    private readonly MemoryLiveState _state = new();
    private readonly RangeFanout _fanout = new();
    private readonly MemoryRetention _retention = new();
    private readonly ArrayPool<byte> _bodies = ArrayPool<byte>.Create(maxArrayLength: 4 * 1024 * 1024, maxArraysPerBucket: 1024);
    private ulong _sequence;
    private BusCursor _head = new(origin, StreamId.Zero, StreamId.Zero, 0);

    public void Publish(RangeEvent rangeEvent)
    {
        lock (_lock)
        {
            var id = new StreamId(0, ++_sequence);
            _head = _head with { Events = id };
            rangeEvent.Cursor = _head.ToString();
            _log.Enqueue(new LogEntry(id, time.GetUtcNow(), EncodedEvent.Of(rangeEvent), null));
            _state.Apply(rangeEvent, id.Sequence);
            Trim();
            _fanout.DeliverControl(rangeEvent);
        }
    }

    public void PublishPositions(IReadOnlyList<PositionUpdate> positions)
    {
        lock (_lock)
        {
            var id = new StreamId(0, ++_sequence);
            var entry = new LogEntry(id, time.GetUtcNow(), null, new EncodedPositions(PositionBatchCodec.Encode(positions, _bodies), positions.Count, _head.Events));
            _head = _head.AfterPosition(id, positions.Count - 1);
            _log.Enqueue(entry);
            _retainedPositions += positions.Count;
            _state.Apply(positions);
            Trim();
            if (_fanout.WantsPositions)
            {
                foreach (var rangeEvent in Events(entry, positions))
                {
                    _fanout.DeliverPosition(rangeEvent);
                }
            }
        }
    }

    /// <summary>Replays after <paramref name="resumeAfter"/> if it is retained, else returns the snapshot; then delivers live.</summary>
    public (RangeLiveView? Snapshot, bool EventsLost) Attach(WatcherQueue queue, string? resumeAfter)
    {
        lock (_lock)
        {
            var resumed = BusCursor.TryParse(resumeAfter, out var cursor) && Replay(cursor, queue);
            _fanout.Add(queue);
            return resumed ? (null, false) : (_state.View(_head.ToString()), !string.IsNullOrEmpty(resumeAfter));
        }
    }

    public void Detach(WatcherQueue queue) => _fanout.Remove(queue);

    public RangeLiveView View()
    {
        lock (_lock)
        {
            return _state.View(_head.ToString());
        }
    }

    public IReadOnlyList<Command> Commands()
    {
        lock (_lock)
        {
            return _state.Commands();
        }
    }

    public IReadOnlyDictionary<(string BookingId, string VehicleId), PositionReport> LatestReports(IEnumerable<(string BookingId, string VehicleId)> vehicles)
    {
        var found = new Dictionary<(string BookingId, string VehicleId), PositionReport>();
        lock (_lock)
        {
            foreach (var vehicle in vehicles)
            {
                if (_state.Latest(new VehicleKey(vehicle.BookingId, vehicle.VehicleId)) is { } latest)
                {
                    found[vehicle] = latest.Report;
                }
            }
        }
        return found;
    }

    public void ForgetBooking(string bookingId)
    {
        lock (_lock)
        {
            _state.ForgetBooking(bookingId);
        }
    }

    private bool Replay(BusCursor cursor, WatcherQueue queue)
    {
        if (cursor.Origin != origin || cursor.Events > _head.Events || cursor.Positions > _head.Positions
            || !_retention.Covers(cursor))
        {
            return false;
        }
        foreach (var entry in _log)
        {
            if (entry.Event is { } control && entry.Id > cursor.Events)
            {
                queue.Replay(RangeEvent.Parser.ParseFrom(control.Body), isPosition: false);
            }
            else if (entry.Positions is { } batch && entry.Id >= cursor.Positions && queue.WantsPositions)
            {
                var from = entry.Id == cursor.Positions ? cursor.Offset : 0;
                if (from >= batch.Count)
                {
                    continue;
                }
                var events = Events(entry, PositionBatchCodec.Decode(batch.Body));
                for (var i = from; i < events.Length; i++)
                {
                    queue.Replay(events[i], isPosition: true);
                }
            }
        }
        return true;
    }

    /// <summary>A batch's positions as watchers receive them, each with the cursor after it, the same live and replayed.</summary>
    private RangeEvent[] Events(LogEntry entry, IReadOnlyList<PositionUpdate> positions)
    {
        var at = Timestamp.FromDateTimeOffset(entry.At);
        var cursors = new BusCursor(origin, entry.Positions!.EventsBefore, entry.Id, 0).AfterEachPosition(entry.Id, positions.Count);
        var events = new RangeEvent[positions.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new RangeEvent { Position = positions[i], Time = at, Cursor = cursors[i] };
        }
        return events;
    }

    // Trimming by age and by count (the log holds both logical streams, hence twice the cap),
    // and by the positions it holds.
    private void Trim()
    {
        var oldest = time.GetUtcNow() - options.RetentionAge;
        while (_log.Count > 0 && (_log.Count > 2L * options.MaxStreamLength || _retainedPositions > options.MaxRetainedPositions || _log.Peek().At < oldest))
        {
            var entry = _log.Dequeue();
            if (entry.Positions is { } positions)
            {
                _retainedPositions -= positions.Count;
                _bodies.Return(positions.Body.Array!);
            }
            _retention.Trimmed(entry);
            if (entry.Event?.CommandId is { } commandId)
            {
                _state.CommandTrimmed(commandId, entry.Id.Sequence);
            }
        }
    }
}

/// <summary>One entry of a range's log: a control event or a batch of positions.</summary>
internal sealed record LogEntry(StreamId Id, DateTimeOffset At, EncodedEvent? Event, EncodedPositions? Positions);

/// <summary>A control event, cursor included, as the contract encodes it; a command's id beside it, which trimming needs.</summary>
internal sealed record EncodedEvent(byte[] Body, string? CommandId)
{
    public static EncodedEvent Of(RangeEvent rangeEvent) =>
        new(rangeEvent.ToByteArray(), rangeEvent.EventCase == RangeEvent.EventOneofCase.Command ? rangeEvent.Command.Id : null);
}

/// <summary>A batch's positions (<see cref="PositionBatchCodec"/>) and the last control event published before them, which their cursors carry.</summary>
internal sealed record EncodedPositions(ArraySegment<byte> Body, int Count, StreamId EventsBefore);
