using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Cursors;
using StackExchange.Redis;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// The single writer loop: publishers only queue items (microseconds, never blocking); the loop
/// writes what has gathered as one pipeline. When a write fails Redis counts as down
/// (docs/telemetry-bus.md, "Faults"): items go to this instance's watchers directly, control
/// items wait in <see cref="OutageBuffer"/>, and the loop probes Redis until it answers.
/// An item Redis itself refuses for good (a key of the wrong type, say) would be refused again
/// after any outage, so it does not make one: it goes to this instance's watchers, is logged,
/// and the rest of the pipeline stands.
/// </summary>
internal sealed class StreamWriter : IAsyncDisposable
{
    private const int MostPerPipeline = 1_024;
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan TrimEvery = TimeSpan.FromSeconds(5);

    private readonly Channel<WriteItem> _queue = Channel.CreateUnbounded<WriteItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly RedisStreamsClient _client;
    private readonly string _instance;
    private readonly RangeBusOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RedisHealth _health;
    private readonly Action<WriteItem> _deliverLocally;
    private readonly OutageBuffer _outage;
    private readonly HashSet<string> _ranges = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refusalsLogged = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private bool _up = true;

    public StreamWriter(RedisStreamsClient client, string instance, RangeBusOptions options, TimeProvider time, RedisHealth health, ILogger logger, Action<WriteItem> deliverLocally)
    {
        (_client, _instance, _options, _time, _health, _logger, _deliverLocally) = (client, instance, options, time, health, logger, deliverLocally);
        _outage = new OutageBuffer(options.OutageBuffer, logger);
        _loop = Task.Run(RunAsync);
    }

    public void Enqueue(WriteItem item) => _queue.Writer.TryWrite(item);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteItem>(MostPerPipeline);
        var lastTrim = _time.GetUtcNow();
        var lastProbe = lastTrim;
        while (true)
        {
            // Probing on a clock, not only when idle: at full traffic the queue is never empty.
            if (!_up && _time.GetUtcNow() - lastProbe >= ProbeEvery)
            {
                lastProbe = _time.GetUtcNow();
                await ProbeAsync();
            }
            var more = _queue.Reader.WaitToReadAsync().AsTask();
            if (!_up && await Task.WhenAny(more, Task.Delay(ProbeEvery, _time)) != more)
            {
                continue;
            }
            if (!await more)
            {
                return;
            }
            while (batch.Count < MostPerPipeline && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await WriteOrKeepAsync(batch);
                if (_up && _time.GetUtcNow() - lastTrim > TrimEvery)
                {
                    lastTrim = _time.GetUtcNow();
                    await TrimAsync();
                }
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // Only trimming gets here (writes fall back to local delivery): the next write finds out whether Redis is down.
            }
            catch (Exception exception)
            {
                RedisBusLog.LoopFailed(_logger, "writer", exception);
            }
            batch.Clear();
        }
    }

    private async Task WriteOrKeepAsync(List<WriteItem> batch)
    {
        if (_up)
        {
            try
            {
                foreach (var (item, refusal) in await WriteAsync(batch, writtenAfterOutage: false))
                {
                    // A refused transaction is not rolled back, so part of it may be in Redis:
                    // delivered here as during an outage, at least once.
                    _deliverLocally(item);
                    LogRefusal(item, refusal);
                }
                _health.Reached();
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                _up = false;
                _health.Failed(exception);
            }
        }
        // Some of a failed pipeline may have reached Redis: those arrive twice (at least once).
        foreach (var item in batch)
        {
            _deliverLocally(item);
            _outage.Keep(item);
        }
    }

    private async Task ProbeAsync()
    {
        try
        {
            await _client.PingAsync();
            await _outage.RewriteLatestAsync(_client);
            var written = 0;
            for (var chunk = _outage.Peek(MostPerPipeline); chunk.Count > 0; chunk = _outage.Peek(MostPerPipeline))
            {
                // This instance's watchers had every kept item during the outage.
                foreach (var (item, refusal) in await WriteAsync(chunk, writtenAfterOutage: true))
                {
                    LogRefusal(item, refusal);
                }
                _outage.Drop(chunk.Count);
                written += chunk.Count;
            }
            _up = true;
            _health.Reached();
            if (written > 0)
            {
                RedisBusLog.OutageWritten(_logger, written);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // still down; the next probe tries again
        }
    }

    /// <summary>Writes the items as one pipeline; returns those Redis refused for good.</summary>
    /// <exception cref="RedisException">Redis could not be reached, or refused an item for now: an outage.</exception>
    private async Task<List<(WriteItem Item, RedisServerException Refusal)>> WriteAsync(IReadOnlyList<WriteItem> items, bool writtenAfterOutage)
    {
        var writes = new List<Task>(items.Count);
        var now = _time.GetUtcNow();
        foreach (var item in items)
        {
            var keys = RedisKeys.For(item.RangeId);
            _ranges.Add(item.RangeId);
            switch (item)
            {
                case ControlWrite { Event: var rangeEvent }:
                    writes.Add(AppendControl(keys, rangeEvent, writtenAfterOutage, now));
                    break;
                case PositionsWrite { Positions: var positions }:
                    var body = PositionBatchCodec.Encode(positions);
                    var entry = new StreamEntryWrite(body, _instance, writtenAfterOutage, positions.Length);
                    var latest = new Dictionary<string, byte[]>(positions.Length, StringComparer.Ordinal);
                    LiveStateValues.PutLatest(positions, body, latest);
                    // MAXLEN counts entries: scaled by this batch's size, it keeps about MaxRetainedPositions positions.
                    var maxEntries = Math.Clamp(_options.MaxRetainedPositions / Math.Max(1, positions.Length), 1, _options.MaxStreamLength);
                    writes.Add(_client.AppendAsync(keys, keys.Positions, entry, keys.Latest, latest, null, maxEntries));
                    break;
                case ForgetWrite { BookingId: var bookingId }:
                    writes.Add(_client.ForgetPrefixAsync(keys.Latest, keys.Alerts, bookingId + "\n"));
                    break;
                default:
                    throw new ArgumentException($"{item.GetType().Name} is not a write the bus knows", nameof(items));
            }
        }
        try
        {
            await Task.WhenAll(writes).ConfigureAwait(false);
            return [];
        }
        catch (Exception) when (writes.TrueForAll(write => write.IsCompletedSuccessfully || RefusalOf(write) is not null))
        {
            List<(WriteItem, RedisServerException)> refused = [];
            for (var i = 0; i < items.Count; i++)
            {
                if (RefusalOf(writes[i]) is { } refusal)
                {
                    refused.Add((items[i], refusal));
                }
            }
            return refused;
        }
    }

    // A reply that Redis cannot take writes for now is an outage: the item is kept and written later.
    private static RedisServerException? RefusalOf(Task write) =>
        write.IsFaulted && write.Exception!.InnerException is RedisServerException refusal && RedisReplies.IsAboutTheKeys(refusal)
            ? refusal
            : null;

    // Once per range and error until a thousand different ones have been logged: a swarm's range
    // whose key is broken would otherwise log a thousand lines a second.
    private void LogRefusal(WriteItem item, RedisServerException refusal)
    {
        if (_refusalsLogged.Count >= 1_000)
        {
            _refusalsLogged.Clear();
        }
        if (_refusalsLogged.Add(item.RangeId + "\n" + refusal.Message))
        {
            RedisBusLog.WriteRefused(_logger, item.RangeId, refusal.Message);
        }
    }

    // The live-state rules (IRangeBus.ReadLiveStateAsync): an alert opens, a RESOLVED alert
    // closes the one it names, a command is kept at its latest status.
    private Task AppendControl(RedisKeys keys, RangeEvent rangeEvent, bool writtenAfterOutage, DateTimeOffset now)
    {
        var entry = new StreamEntryWrite(rangeEvent.ToByteArray(), _instance, writtenAfterOutage, 1);
        var (hash, set, delete) = rangeEvent.EventCase switch
        {
            RangeEvent.EventOneofCase.Alert when rangeEvent.Alert.Kind == AlertKind.Resolved =>
                (keys.Alerts, [], rangeEvent.Alert.ResolvesAlertId),
            RangeEvent.EventOneofCase.Alert =>
                (keys.Alerts, [KeyValuePair.Create(rangeEvent.Alert.Id, LiveStateValues.Labelled(rangeEvent.Alert.BookingId, rangeEvent.Alert.ToByteArray()))], null),
            RangeEvent.EventOneofCase.Command =>
                (keys.Commands, [KeyValuePair.Create(rangeEvent.Command.Id, LiveStateValues.Labelled(now, rangeEvent.Command.ToByteArray()))], null),
            _ => (keys.Alerts, new List<KeyValuePair<string, byte[]>>(), (string?)null),
        };
        return _client.AppendAsync(keys, keys.Events, entry, hash, set, delete, _options.MaxStreamLength);
    }

    // Age retention: entries and command statuses older than RetentionAge leave (MINID ~, Redis 7).
    private async Task TrimAsync()
    {
        var oldest = _time.GetUtcNow() - _options.RetentionAge;
        var minimum = new StreamId((ulong)Math.Max(0, oldest.ToUnixTimeMilliseconds()), 0);
        foreach (var keys in _ranges.Select(RedisKeys.For))
        {
            await Task.WhenAll(_client.TrimBeforeAsync(keys.Events, minimum), _client.TrimBeforeAsync(keys.Positions, minimum));
            foreach (var (field, value) in await _client.ReadHashAsync(keys.Commands))
            {
                if (long.Parse(LiveStateValues.Label(value)) < oldest.ToUnixTimeMilliseconds())
                {
                    await _client.DeleteFieldAsync(keys.Commands, field);
                }
            }
        }
    }
}
