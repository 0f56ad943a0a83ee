using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Cursors;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// Reads a range's state from Redis: where its streams stand (the head cursor) and the live
/// state hashes. The head is read first, so the state is at least as new as the cursor; events
/// a watcher then receives again are keyed (latest by vehicle, alerts and commands by id), so
/// applying them twice changes nothing.
/// </summary>
internal static class RedisLiveStateReader
{
    public static async Task<BusCursor> HeadAsync(RedisStreamsClient client, RedisKeys keys)
    {
        var lastEvent = client.LastAsync(keys.Events);
        var lastBatch = client.LastAsync(keys.Positions);
        var batch = await lastBatch;
        return new BusCursor(BusCursor.RedisOrigin, (await lastEvent)?.Id ?? StreamId.Zero, batch?.Id ?? StreamId.Zero, batch?.Count ?? 0);
    }

    public static async Task<RangeLiveView> ReadAsync(RedisStreamsClient client, RedisKeys keys, BusCursor head)
    {
        var latest = client.ReadHashAsync(keys.Latest);
        var alerts = client.ReadHashAsync(keys.Alerts);
        var commands = client.ReadHashAsync(keys.Commands);
        return new RangeLiveView(
            (await latest).Select(f => PositionUpdate.Parser.ParseFrom(f.Value)).ToList(),
            (await alerts).Select(f => Alert.Parser.ParseFrom(LiveStateValues.Payload(f.Value))).ToList(),
            (await commands).Select(f => Command.Parser.ParseFrom(LiveStateValues.Payload(f.Value))).ToList(),
            head.ToString());
    }
}
