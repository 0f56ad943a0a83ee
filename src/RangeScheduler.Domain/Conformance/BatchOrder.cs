namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// The order a batch is evaluated in: by fix time, and in the order given among equal times (a
/// stable sort), so each vehicle's fixes run in time order and an exit and re-entry inside one
/// batch give LEFT_VOLUME then RESOLVED. The buffer is reused between batches.
/// </summary>
internal sealed class BatchOrder
{
    private (long Ticks, int Index)[] _keys = [];

    public ReadOnlySpan<(long Ticks, int Index)> Of(IReadOnlyList<Fix> fixes)
    {
        if (_keys.Length < fixes.Count)
        {
            _keys = new (long, int)[Math.Max(fixes.Count, _keys.Length * 2)];
        }
        var sorted = true;
        for (var i = 0; i < fixes.Count; i++)
        {
            _keys[i] = (fixes[i].Time.UtcTicks, i);
            sorted &= i == 0 || _keys[i - 1].Ticks <= _keys[i].Ticks;
        }
        // Stations send in time order, so sorting is usually skipped; the index breaks ties.
        if (!sorted)
        {
            Array.Sort(_keys, 0, fixes.Count);
        }
        return _keys.AsSpan(0, fixes.Count);
    }
}
