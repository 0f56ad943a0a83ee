using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Cursors;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// Turns entries read from a range's two streams into the watchers' events, merged by entry id
/// (unique across both streams: RedisStreamsClient.AppendAsync), each with the cursor after it.
/// Entries the cursor already covers are skipped, so the live reader and a replay share it.
/// </summary>
internal static class EntryMerger
{
    /// <param name="skipOutageWritesOf">An instance whose entries written after an outage are
    /// not delivered (its watchers had them locally), or null to deliver everything.</param>
    public static IEnumerable<(RangeEvent Event, bool IsPosition)> Merge(
        Func<BusCursor> cursor, Action<BusCursor> advance,
        IReadOnlyList<StreamEntry> events, IReadOnlyList<StreamEntry> positions, string? skipOutageWritesOf)
    {
        int e = 0, p = 0;
        while (e < events.Count || p < positions.Count)
        {
            var takeEvent = p == positions.Count || (e < events.Count && events[e].Id <= positions[p].Id);
            var entry = takeEvent ? events[e++] : positions[p++];
            var skip = entry.WrittenAfterOutage && entry.Origin == skipOutageWritesOf;
            if (takeEvent)
            {
                if (entry.Id <= cursor().Events)
                {
                    continue;
                }
                advance(cursor() with { Events = entry.Id });
                if (!skip)
                {
                    var rangeEvent = RangeEvent.Parser.ParseFrom(entry.Body);
                    rangeEvent.Cursor = cursor().ToString();
                    yield return (rangeEvent, false);
                }
                continue;
            }
            if (entry.Id < cursor().Positions)
            {
                continue;
            }
            var from = entry.Id == cursor().Positions ? cursor().Offset : 0;
            var batch = PositionBatchCodec.Decode(entry.Body);
            var time = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Id.Milliseconds));
            for (var i = from; i < batch.Count; i++)
            {
                advance(cursor().AfterPosition(entry.Id, i));
                yield return (new RangeEvent { Position = batch[i], Time = time, Cursor = cursor().ToString() }, true);
            }
        }
    }
}
