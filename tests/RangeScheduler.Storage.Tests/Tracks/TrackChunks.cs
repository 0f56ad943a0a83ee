using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Storage.Tests.Tracks;

/// <summary>
/// Track chunks for tests: each booking id is new, so tests sharing a database never read each
/// other's chunks. Times are whole microseconds, which both stores keep exactly.
/// </summary>
internal static class TrackChunks
{
    public static readonly DateTimeOffset Start = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    /// <summary>A chunk from <paramref name="first"/> to <paramref name="last"/> whose blob is <paramref name="count"/> × 40 bytes, unique to its arguments.</summary>
    public static TrackChunk Chunk(string bookingId, string vehicleId, DateTimeOffset first, DateTimeOffset last, int count = 3)
    {
        var reports = new byte[count * 40];
        new Random(HashCode.Combine(bookingId, vehicleId, first, last)).NextBytes(reports);
        // The blob is opaque: zero bytes and every byte value must come back as they were.
        reports[0] = 0;
        reports[^1] = 0xFF;
        return new TrackChunk("zhuhai-wanshan", bookingId, vehicleId, first, last, count, reports);
    }

    /// <summary>A chunk of ten seconds starting <paramref name="secondsAfterStart"/> after <see cref="Start"/>.</summary>
    public static TrackChunk At(string bookingId, string vehicleId, double secondsAfterStart) =>
        Chunk(bookingId, vehicleId, Start.AddSeconds(secondsAfterStart), Start.AddSeconds(secondsAfterStart + 10));

    public static void ShouldBeStoredAs(this IReadOnlyList<TrackChunk> read, params TrackChunk[] expected)
    {
        read.Count.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // Records compare their blobs by reference: compare the bytes and the rest apart.
            read[i].Reports.ToArray().ShouldBe(expected[i].Reports.ToArray(), $"chunk {i}'s bytes");
            (read[i] with { Reports = default }).ShouldBe(expected[i] with { Reports = default }, $"chunk {i}");
        }
    }
}
