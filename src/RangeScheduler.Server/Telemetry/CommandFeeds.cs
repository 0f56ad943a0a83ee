using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Follows the bus of every range where a station of this process reports, so that commands
/// issued on any process — and their status changes — reach the <see cref="CommandDelivery"/>
/// here. A feed starts from the range's live state (its open commands) and, if it falls
/// behind, continues from its last cursor.
/// </summary>
public sealed class CommandFeeds(IRangeBus bus, CommandDelivery delivery, ILogger<CommandFeeds> log) : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Task> _feeds = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Starts following the range unless already following it.</summary>
    public void Follow(string rangeId)
    {
        if (!_feeds.ContainsKey(rangeId))
        {
            _feeds.GetOrAdd(rangeId, id => Task.Run(() => FollowAsync(id, _stopping.Token)));
        }
    }

    private async Task FollowAsync(string rangeId, CancellationToken stoppingToken)
    {
        string? cursor = null;
        var retryAfter = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var subscription = await bus.SubscribeAsync(rangeId, cursor, positions: false, stoppingToken).ConfigureAwait(false);
                retryAfter = FirstRetry;
                if (subscription.Snapshot is { } snapshot)
                {
                    foreach (var command in snapshot.Commands)
                    {
                        delivery.Learn(rangeId, command);
                    }
                    cursor = snapshot.Cursor;
                }
                await foreach (var rangeEvent in subscription.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                {
                    if (rangeEvent.EventCase == RangeEvent.EventOneofCase.Command)
                    {
                        delivery.Learn(rangeId, rangeEvent.Command);
                    }
                    cursor = rangeEvent.Cursor;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Once per outage: while the bus is down the feed retries quietly, backing off.
                if (retryAfter == FirstRetry)
                {
                    log.LogWarning(e, "The command feed of range {RangeId} stopped; following it again", rangeId);
                }
                await Task.Delay(retryAfter, stoppingToken).ConfigureAwait(false);
                retryAfter = TimeSpan.FromTicks(Math.Min(retryAfter.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_feeds.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The feeds end by cancellation.
        }
        _stopping.Dispose();
    }
}
