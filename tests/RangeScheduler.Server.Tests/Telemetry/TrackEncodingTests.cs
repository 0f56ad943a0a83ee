using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Telemetry;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>A track run is encoded report by report into a pinned buffer that grows, and reads back exactly as reported.</summary>
public sealed class TrackEncodingTests
{
    private static PositionReport Report(ulong sequence) => new()
    {
        BookingId = "bk-1",
        VehicleId = "usv-" + new string('x', (int)sequence % 7),
        Sequence = sequence,
        Time = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero).AddMilliseconds(100 * sequence)),
        Latitude = 21.9 + sequence * 1e-6,
        Longitude = 113.7,
        AltitudeM = 2.5,
    };

    [Fact]
    public void ReportsAppendedPastTheBuffersCapacity_DecodeToTheSameReportsInOrder()
    {
        var buffer = new PinnedBufferWriter(initialCapacity: 16);
        var reports = Enumerable.Range(1, 300).Select(i => Report((ulong)i)).ToList();

        foreach (var report in reports)
        {
            TrackEncoding.Append(buffer, report);
        }

        TrackEncoding.Decode(buffer.WrittenSpan.ToArray()).ShouldBe(reports);
    }

    [Fact]
    public void AdvancePastWhatWasReserved_Throws()
    {
        var buffer = new PinnedBufferWriter(initialCapacity: 8);
        buffer.GetSpan(4).Length.ShouldBeGreaterThanOrEqualTo(4);
        buffer.Advance(4);

        Should.Throw<ArgumentOutOfRangeException>(() => buffer.Advance(5));
        Should.Throw<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
        buffer.WrittenSpan.Length.ShouldBe(4);
    }
}
