using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Cursors;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// Reads where a range's streams stand (the head cursor), alone or with the live state hashes,
/// and the commands hash alone.
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

    /// <summary>The live state and the cursor that continues from exactly that state, read in one step.</summary>
    public static async Task<(RangeLiveView View, BusCursor Cursor)> ReadAsync(RedisStreamsClient client, RedisKeys keys)
    {
        var read = await client.ReadStateAsync(keys);
        var cursor = new BusCursor(BusCursor.RedisOrigin, read.LastEvent?.Id ?? StreamId.Zero, read.LastBatch?.Id ?? StreamId.Zero, read.LastBatch?.Count ?? 0);
        return (new RangeLiveView(
            read.Latest.Select(PositionUpdate.Parser.ParseFrom).ToList(),
            read.Alerts.Select(v => Alert.Parser.ParseFrom(LiveStateValues.Payload(v))).ToList(),
            Commands(read.Commands),
            cursor.ToString()), cursor);
    }

    /// <summary>The live state's commands alone: one read of the commands hash.</summary>
    public static async Task<IReadOnlyList<Command>> ReadCommandsAsync(RedisStreamsClient client, RedisKeys keys) =>
        Commands((await client.ReadHashAsync(keys.Commands)).Select(field => field.Value));

    private static List<Command> Commands(IEnumerable<byte[]> values) =>
        values.Select(v => Command.Parser.ParseFrom(LiveStateValues.Payload(v))).ToList();
}
