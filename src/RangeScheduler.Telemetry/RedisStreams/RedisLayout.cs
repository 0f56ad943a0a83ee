using System.Globalization;
using System.Text;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Watching;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// The Redis keys of one range (docs/telemetry-bus.md, "Redis layout"). The range id sits in a
/// hash tag so that a cluster keeps a range's keys in one slot, as the forget script needs.
/// </summary>
internal sealed record RedisKeys(string Events, string Positions, string LastId, string Latest, string Alerts, string Commands)
{
    public static RedisKeys For(string rangeId)
    {
        var prefix = "rangescheduler:{" + rangeId + "}:";
        return new RedisKeys(prefix + "events", prefix + "positions", prefix + "last-id", prefix + "latest", prefix + "alerts", prefix + "commands");
    }
}

/// <summary>
/// The values of the live-state hashes. A latest position is its PositionUpdate's bytes under
/// the field <c>booking\nvehicle</c>. Alerts and commands carry a label before the message
/// bytes, <c>label\n message</c>: an open alert's booking id (so that the forget script matches
/// it by prefix) and a command's last change in Unix milliseconds (so that pruning needs no
/// decoding).
/// </summary>
internal static class LiveStateValues
{
    /// <summary>
    /// Puts each vehicle's newest position of a batch into <paramref name="latest"/>, copied
    /// from <paramref name="body"/>, the batch as <see cref="PositionBatchCodec"/> encoded it,
    /// rather than encoded a second time.
    /// </summary>
    public static void PutLatest(IReadOnlyList<PositionUpdate> positions, byte[] body, Dictionary<string, byte[]> latest)
    {
        var index = 0;
        foreach (var message in PositionBatchCodec.Messages(body))
        {
            latest[VehicleKey.Of(positions[index++]).ToField()] = message.ToArray();
        }
    }

    public static byte[] Labelled(string label, byte[] message)
    {
        var prefix = Encoding.UTF8.GetBytes(label + "\n");
        return [.. prefix, .. message];
    }

    public static byte[] Labelled(DateTimeOffset changedAt, byte[] message) =>
        Labelled(changedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), message);

    public static string Label(byte[] value) => Encoding.UTF8.GetString(value, 0, Array.IndexOf(value, (byte)'\n'));

    public static ReadOnlySpan<byte> Payload(byte[] value) => value.AsSpan(Array.IndexOf(value, (byte)'\n') + 1);
}
