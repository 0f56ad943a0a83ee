using System.Globalization;

namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// Joins the sentences of multi-sentence AIS messages (fields: count, number, sequential
/// message id, channel, payload, fill bits). Fragments of one message share the sequential
/// id and channel and arrive in order; a message with a fragment missing or out of order
/// is dropped, since its bits cannot be trusted.
/// </summary>
internal sealed class AisFragments
{
    private readonly Dictionary<string, Partial> _open = [];

    private sealed class Partial(int count, DateTimeOffset? tagTime)
    {
        public int Count { get; } = count;
        public int Received { get; set; }
        public DateTimeOffset? TagTime { get; } = tagTime;
        public System.Text.StringBuilder Payload { get; } = new();
    }

    /// <summary>True when <paramref name="sentence"/> completes a message; the time is the first fragment's tag time.</summary>
    public bool TryComplete(NmeaSentence sentence, out AisBits bits, out DateTimeOffset? tagTime)
    {
        bits = null!;
        tagTime = null;
        var f = sentence.Fields;
        if (f.Length < 7
            || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !int.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out var fill)
            || count < 1 || number < 1 || number > count)
        {
            return false;
        }
        if (count == 1)
        {
            tagTime = sentence.TagTime;
            return AisBits.TryDecode(f[5], fill, out bits);
        }
        var key = f[3] + "/" + f[4];
        if (number == 1)
        {
            _open[key] = new Partial(count, sentence.TagTime);
        }
        if (!_open.TryGetValue(key, out var partial) || partial.Count != count || partial.Received != number - 1)
        {
            _open.Remove(key);
            return false;
        }
        partial.Received = number;
        partial.Payload.Append(f[5]);
        if (number < count)
        {
            return false;
        }
        _open.Remove(key);
        tagTime = partial.TagTime;
        return AisBits.TryDecode(partial.Payload.ToString(), fill, out bits);
    }
}
