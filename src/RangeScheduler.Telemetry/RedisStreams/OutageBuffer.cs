using Microsoft.Extensions.Logging;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// What the writer keeps while Redis is down: control items (and forgets) in order, bounded,
/// the oldest dropped first; positions only as each vehicle's latest, since a watcher that
/// missed them would have coalesced them anyway (docs/telemetry-bus.md, "Faults").
/// Used by the writer loop only.
/// </summary>
internal sealed class OutageBuffer(int capacity, ILogger logger)
{
    private readonly LinkedList<WriteItem> _items = new();
    private readonly Dictionary<string, Dictionary<string, byte[]>> _latest = new(StringComparer.Ordinal);

    public void Keep(WriteItem item)
    {
        switch (item)
        {
            case PositionsWrite batch:
                LiveStateValues.PutLatest(batch.Positions, PositionBatchCodec.Encode(batch.Positions), Latest(batch.RangeId));
                return;
            case ForgetWrite forget:
                var prefix = forget.BookingId + "\n";
                foreach (var field in Latest(forget.RangeId).Keys.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).ToList())
                {
                    _latest[forget.RangeId].Remove(field);
                }
                break;
        }
        if (_items.Count >= capacity)
        {
            RedisBusLog.OutageBufferFull(logger, _items.First!.Value.RangeId);
            _items.RemoveFirst();
        }
        _items.AddLast(item);
    }

    /// <summary>Writes the latest positions kept during the outage into the latest-state hashes.</summary>
    public async Task RewriteLatestAsync(RedisStreamsClient client)
    {
        foreach (var (rangeId, fields) in _latest.Where(r => r.Value.Count > 0))
        {
            await client.SetFieldsAsync(RedisKeys.For(rangeId).Latest, fields);
        }
        _latest.Clear();
    }

    public List<WriteItem> Peek(int most) => _items.Take(most).ToList();

    public void Drop(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _items.RemoveFirst();
        }
    }

    private Dictionary<string, byte[]> Latest(string rangeId)
    {
        if (!_latest.TryGetValue(rangeId, out var fields))
        {
            fields = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            _latest.Add(rangeId, fields);
        }
        return fields;
    }
}
