using System.Globalization;

namespace RangeScheduler.Telemetry.Cursors;

/// <summary>
/// What a watcher has seen, as the opaque RangeEvent.cursor (docs/telemetry-bus.md, "Cursor"):
/// every events entry up to <see cref="Events"/>, every positions entry before
/// <see cref="Positions"/>, and the first <see cref="Offset"/> positions of that entry.
/// <see cref="Origin"/> says which bus numbered the ids: a Redis bus, one run of an in-process
/// bus, or an instance delivering locally while Redis was down (never resumable).
/// Text form: <c>origin.events.positions.offset</c>.
/// </summary>
internal readonly record struct BusCursor(string Origin, StreamId Events, StreamId Positions, int Offset)
{
    /// <summary>The origin of cursors numbered by Redis, valid on every instance.</summary>
    public const string RedisOrigin = "r";

    /// <summary>The cursor after a position at <paramref name="index"/> of the batch <paramref name="batch"/>.</summary>
    public BusCursor AfterPosition(StreamId batch, int index) => this with { Positions = batch, Offset = index + 1 };

    /// <summary>The cursors after each of the <paramref name="count"/> positions of a batch, formatted with one shared prefix.</summary>
    public string[] AfterEachPosition(StreamId batch, int count)
    {
        var prefix = string.Join('.', Origin, Events.ToString(), batch.ToString()) + ".";
        var cursors = new string[count];
        for (var i = 0; i < count; i++)
        {
            cursors[i] = prefix + (i + 1).ToString(CultureInfo.InvariantCulture);
        }
        return cursors;
    }

    public override string ToString() =>
        string.Join('.', Origin, Events.ToString(), Positions.ToString(), Offset.ToString(CultureInfo.InvariantCulture));

    /// <summary>False for anything a bus did not write, so that the caller answers with a snapshot.</summary>
    public static bool TryParse(string? text, out BusCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 4 }
            || parts[0].Length == 0
            || !StreamId.TryParse(parts[1], out var events)
            || !StreamId.TryParse(parts[2], out var positions)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return false;
        }
        cursor = new BusCursor(parts[0], events, positions, offset);
        return true;
    }
}
