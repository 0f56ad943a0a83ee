using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Watching;
using StackExchange.Redis;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// The bus across server instances (docs/telemetry-bus.md): Redis is the sequencer. Publishing
/// queues a write; every watcher, on this instance too, receives what the stream reader reads
/// back, so all watchers see one order and any instance serves any cursor. While Redis is down
/// this instance's watchers are served directly and control events wait to be written.
/// </summary>
public sealed class RedisRangeBus : IRangeBus, IAsyncDisposable
{
    private static readonly TimeSpan BlockFor = TimeSpan.FromMilliseconds(500);
    // Ingest waits for this look-up (FindLatestReportsAsync) before admitting a vehicle new to
    // the process; a Redis that has not answered by then is treated as having nothing.
    private static readonly TimeSpan LatestReportsWait = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, RedisRange> _ranges = new(StringComparer.Ordinal);
    private readonly string _instance = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private readonly RangeBusOptions _options;
    private readonly RedisStreamsClient _client;
    private readonly StreamWriter _writer;
    private readonly StreamReader _reader;
    private readonly RedisHealth _health;

    /// <param name="configuration">A StackExchange.Redis configuration string (<c>RangeScheduler:Redis</c>), such as <c>127.0.0.1:6379</c>.
    /// Redis need not be up: the bus connects and reconnects by itself.</param>
    public RedisRangeBus(string configuration, RangeBusOptions options, ILoggerFactory loggers, TimeProvider time)
    {
        _options = options;
        var logger = loggers.CreateLogger<RedisRangeBus>();
        _health = new RedisHealth(logger);
        _client = RedisStreamsClient.Connect(configuration, BlockFor);
        _writer = new StreamWriter(_client, _instance, options, time, _health, logger, item => Range(item.RangeId).DeliverLocally(item));
        _reader = new StreamReader(_client, _ranges, BlockFor, _health, logger);
    }

    public void Publish(string rangeId, RangeEvent rangeEvent)
    {
        // The cursor is Redis's entry id, known only once written: watchers receive it.
        rangeEvent.Cursor = "";
        _writer.Enqueue(new ControlWrite(rangeId, rangeEvent));
    }

    public void PublishPositions(string rangeId, IReadOnlyList<PositionUpdate> positions)
    {
        if (positions.Count > 0)
        {
            _writer.Enqueue(new PositionsWrite(rangeId, [.. positions]));
        }
    }

    public async Task<RangeBusSubscription> SubscribeAsync(string rangeId, string? resumeAfter, bool positions, CancellationToken cancellationToken)
    {
        var range = Range(rangeId);
        var queue = new WatcherQueue(_options.WatcherQueue, _options.CoalescePositionsAfter, positions);
        var (snapshot, eventsLost) = await Unavailable(() => range.AttachAsync(queue, resumeAfter, _reader.Wake, cancellationToken));
        return new RangeBusSubscription(queue, snapshot, eventsLost, () =>
        {
            range.Detach(queue);
            return ValueTask.CompletedTask;
        });
    }

    public Task<RangeLiveView> ReadLiveStateAsync(string rangeId, CancellationToken cancellationToken) =>
        Unavailable(async () => (await RedisLiveStateReader.ReadAsync(_client, RedisKeys.For(rangeId))).View).WaitAsync(cancellationToken);

    public Task<IReadOnlyList<Command>> ReadCommandsAsync(string rangeId, CancellationToken cancellationToken) =>
        Unavailable(() => RedisLiveStateReader.ReadCommandsAsync(_client, RedisKeys.For(rangeId))).WaitAsync(cancellationToken);

    public void ForgetBooking(string rangeId, string bookingId) => _writer.Enqueue(new ForgetWrite(rangeId, bookingId));

    public async Task<IReadOnlyDictionary<(string BookingId, string VehicleId), PositionReport>> FindLatestReportsAsync(
        string rangeId, IReadOnlyCollection<(string BookingId, string VehicleId)> vehicles, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string BookingId, string VehicleId), PositionReport>();
        if (vehicles.Count == 0 || _health.IsDown)
        {
            return found;
        }
        var asked = vehicles.ToList();
        byte[]?[] values;
        try
        {
            values = await _client.ReadFieldsAsync(RedisKeys.For(rangeId).Latest, asked.Select(v => new VehicleKey(v.BookingId, v.VehicleId).ToField()))
                .WaitAsync(LatestReportsWait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The writer and the reader find out about an outage and log it; ingest goes on without.
            return found;
        }
        for (var i = 0; i < asked.Count; i++)
        {
            if (values[i] is { } value && Parsed(value)?.Report is { } report)
            {
                found[asked[i]] = report;
            }
        }
        return found;

        // A value someone else wrote into the hash is as good as none: the vehicle starts afresh.
        static PositionUpdate? Parsed(byte[] value)
        {
            try
            {
                return PositionUpdate.Parser.ParseFrom(value);
            }
            catch (Google.Protobuf.InvalidProtocolBufferException)
            {
                return null;
            }
        }
    }

    /// <summary>Writes what is queued (while Redis is up), stops reading and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _reader.DisposeAsync();
        await _client.DisposeAsync();
    }

    private RedisRange Range(string rangeId) =>
        _ranges.GetOrAdd(rangeId, static (id, bus) => new RedisRange(id, bus._instance, bus._client), this);

    private static async Task<T> Unavailable<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (RedisServerException reply) when (RedisReplies.IsAboutTheKeys(reply))
        {
            throw new RangeBusUnavailableException($"Redis refused to read the range's live data: {reply.Message}", reply);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw new RangeBusUnavailableException("Redis cannot be reached", exception);
        }
    }
}
