using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RangeScheduler.Telemetry.Cursors;
using StackExchange.Redis;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// This instance's one reading loop: a single XREAD BLOCK over both streams of every range
/// that has watchers here, handing each range what it read. One loop rather than one per range
/// because blocking reads share the blocking multiplexer's one connection, where concurrent
/// XREAD BLOCKs would queue behind each other. A range that gains its first watcher joins on
/// the next round, at most one block time later, from the head it recorded then. A range whose
/// stream key holds another type would fail every round for all of them: it is set aside, logged,
/// and looked at again every few seconds until it is repaired.
/// </summary>
internal sealed class StreamReader : IAsyncDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RecheckSetAsideEvery = TimeSpan.FromSeconds(5);
    private const int MostPerStream = 1_000;

    private readonly RedisStreamsClient _client;
    private readonly ConcurrentDictionary<string, RedisRange> _ranges;
    private readonly ILogger _logger;
    private readonly RedisHealth _health;
    private readonly TimeSpan _blockFor;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    // Ranges whose keys are not streams; only the loop touches them.
    private readonly HashSet<string> _setAside = new(StringComparer.Ordinal);
    private long _setAsideCheckedAt;

    public StreamReader(RedisStreamsClient client, ConcurrentDictionary<string, RedisRange> ranges, TimeSpan blockFor, RedisHealth health, ILogger logger)
    {
        (_client, _ranges, _blockFor, _health, _logger) = (client, ranges, blockFor, health, logger);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>A range gained watchers: an idle loop starts reading.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            List<RedisRange> active = [];
            try
            {
                await TakeBackRepairedAsync();
                active = _ranges.Values.Where(r => r.IsActive && !_setAside.Contains(r.RangeId)).ToList();
                if (active.Count == 0)
                {
                    // Ranges set aside are looked at again on the clock, so waiting ends for them too.
                    await _wake.WaitAsync(_setAside.Count == 0 ? Timeout.InfiniteTimeSpan : RecheckSetAsideEvery, _stop.Token);
                    continue;
                }
                await ReadOnceAsync(active);
                _health.Reached();
                continue;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (RedisServerException reply) when (RedisReplies.IsAboutTheKeys(reply))
            {
                if (await SetAsideUnreadableAsync(active))
                {
                    continue;
                }
                _health.Failed(reply);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // The multiplexers reconnect by themselves; the next round reads from the same heads.
                _health.Failed(exception);
            }
            catch (Exception exception)
            {
                RedisBusLog.LoopFailed(_logger, "reader", exception);
            }
            // WhenAny: a stop during the pause ends the loop without an exception to catch.
            await Task.WhenAny(Task.Delay(RetryAfter, _stop.Token));
        }
    }

    /// <summary>Sets aside the ranges with a key that is not a stream; false when there is none, or Redis did not answer.</summary>
    private async Task<bool> SetAsideUnreadableAsync(List<RedisRange> active)
    {
        var found = false;
        try
        {
            foreach (var range in active)
            {
                if (await UnreadableKeyAsync(range.Keys) is var (key, type))
                {
                    _setAside.Add(range.RangeId);
                    RedisBusLog.RangeUnreadable(_logger, range.RangeId, key, type);
                    found = true;
                }
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return false;
        }
        _setAsideCheckedAt = Stopwatch.GetTimestamp();
        return found;
    }

    private async Task TakeBackRepairedAsync()
    {
        if (_setAside.Count == 0 || Stopwatch.GetElapsedTime(_setAsideCheckedAt) < RecheckSetAsideEvery)
        {
            return;
        }
        _setAsideCheckedAt = Stopwatch.GetTimestamp();
        foreach (var rangeId in _setAside.ToList())
        {
            if (await UnreadableKeyAsync(RedisKeys.For(rangeId)) is null)
            {
                _setAside.Remove(rangeId);
                RedisBusLog.RangeReadableAgain(_logger, rangeId);
            }
        }
    }

    /// <summary>
    /// The first of the range's two streams whose key holds another type, with that type; null
    /// when both are streams or not written yet (<c>none</c>, which XREAD reads as empty).
    /// </summary>
    private async Task<(string Key, string Type)?> UnreadableKeyAsync(RedisKeys keys)
    {
        foreach (var key in new[] { keys.Events, keys.Positions })
        {
            var type = await _client.KeyTypeAsync(key);
            if (type is not ("stream" or "none"))
            {
                return (key, type);
            }
        }
        return null;
    }

    private async Task ReadOnceAsync(List<RedisRange> active)
    {
        var streams = new List<(string Key, StreamId After)>(active.Count * 2);
        foreach (var range in active)
        {
            var head = range.Head;
            streams.Add((range.Keys.Events, head.Events));
            streams.Add((range.Keys.Positions, head.Positions));
        }
        var read = await _client.ReadAsync(streams, MostPerStream, _blockFor);
        foreach (var range in active)
        {
            var events = read.FirstOrDefault(r => r.Key == range.Keys.Events).Entries ?? [];
            var positions = read.FirstOrDefault(r => r.Key == range.Keys.Positions).Entries ?? [];
            if (events.Count > 0 || positions.Count > 0)
            {
                range.Deliver(events, positions);
            }
        }
    }
}
