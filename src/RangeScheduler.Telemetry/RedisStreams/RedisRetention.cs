using RangeScheduler.Telemetry.Cursors;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// Whether Redis still holds everything after a cursor (docs/telemetry-bus.md, "Resume").
/// Streams lose only their head, so the entry the cursor names still being there proves it;
/// a cursor that named no entry yet (id 0-0) is good while nothing was ever trimmed. A cursor
/// whose entry is gone is treated as lost even when nothing after it was trimmed: the safe side.
/// An entry that never existed (a cursor from before Redis lost its data) is gone too.
/// </summary>
internal static class RedisRetention
{
    public static async Task<bool> CoversAsync(RedisStreamsClient client, RedisKeys keys, BusCursor cursor)
    {
        if (cursor.Origin != BusCursor.RedisOrigin)
        {
            return false;
        }
        var events = StillThereAsync(client, keys.Events, cursor.Events);
        var positions = StillThereAsync(client, keys.Positions, cursor.Positions);
        return await events && await positions;
    }

    private static async Task<bool> StillThereAsync(RedisStreamsClient client, string key, StreamId id)
    {
        if (id != StreamId.Zero)
        {
            return (await client.RangeAsync(key, id, id)).Count == 1;
        }
        var retention = await client.RetentionAsync(key);
        return retention is null || retention.EntriesAdded == retention.Length;
    }
}
