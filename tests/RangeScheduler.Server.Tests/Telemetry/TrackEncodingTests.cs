using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Telemetry;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// A track run is encoded report by report into a pooled buffer that grows, without the ids its
/// chunk's row holds, and reads back exactly as reported.
/// </summary>
public sealed class TrackEncodingTests
{
    private const string BookingId = "bk-0195a3c4e5f67890abcdef0123456789";
    private const string VehicleId = "usv-wanshan-7";

    private static PositionReport Report(ulong sequence) => new()
    {
        BookingId = BookingId,
        VehicleId = VehicleId,
        Sequence = sequence,
        Time = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero).AddMilliseconds(100 * sequence)),
        Latitude = 21.9 + sequence * 1e-6,
        Longitude = 113.7,
        AltitudeM = 2.5,
    };

    [Fact]
    public void ReportsAppendedPastTheBuffersCapacity_DecodeToTheSameReportsInOrder()
    {
        var buffer = new PooledBufferWriter(ArrayPool<byte>.Create(), initialCapacity: 16);
        var reports = Enumerable.Range(1, 300).Select(i => Report((ulong)i)).ToList();

        foreach (var report in reports)
        {
            TrackEncoding.Append(buffer, report);
        }

        TrackEncoding.Decode(buffer.WrittenSpan.ToArray(), BookingId, VehicleId).ShouldBe(reports);
    }

    [Fact]
    public void IdsLeftOut_EachReportTakesItsSizeLessTheIds()
    {
        var report = Report(42);
        var buffer = new PooledBufferWriter(ArrayPool<byte>.Create(), initialCapacity: 16);

        TrackEncoding.Append(buffer, report);

        var withoutIds = report.Clone();
        withoutIds.BookingId = "";
        withoutIds.VehicleId = "";
        buffer.WrittenSpan.ToArray().ShouldBe([(byte)withoutIds.CalculateSize(), .. withoutIds.ToByteArray()]);
    }

    [Fact]
    public void ChunkWrittenWithTheIds_ReadsBackTheSame()
    {
        var reports = Enumerable.Range(1, 3).Select(i => Report((ulong)i)).ToList();
        using var stream = new MemoryStream();
        foreach (var report in reports)
        {
            report.WriteDelimitedTo(stream);
        }

        TrackEncoding.Decode(stream.ToArray(), "bk-other", "usv-other").ShouldBe(reports);
    }

    [Fact]
    public void AdvancePastWhatWasReserved_Throws()
    {
        var buffer = new PooledBufferWriter(ArrayPool<byte>.Create(), initialCapacity: 8);
        var room = buffer.GetSpan(4).Length;
        room.ShouldBeGreaterThanOrEqualTo(4);
        buffer.Advance(4);

        Should.Throw<ArgumentOutOfRangeException>(() => buffer.Advance(room - 4 + 1));
        Should.Throw<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
        buffer.WrittenSpan.Length.ShouldBe(4);
    }

    [Fact]
    public void Disposed_EveryArrayRentedIsBackInThePoolAndTheWriterRefusesMore()
    {
        var pool = new CountingPool();
        var buffer = new PooledBufferWriter(pool, initialCapacity: 16);
        foreach (var report in Enumerable.Range(1, 50).Select(i => Report((ulong)i)))
        {
            TrackEncoding.Append(buffer, report);
        }
        pool.Rented.ShouldBeGreaterThan(1);

        buffer.Dispose();
        buffer.Dispose();

        pool.Returned.ShouldBe(pool.Rented);
        Should.Throw<ObjectDisposedException>(() => buffer.GetSpan(1));
    }

    private sealed class CountingPool : ArrayPool<byte>
    {
        private readonly ArrayPool<byte> _inner = Create();

        public int Rented { get; private set; }

        public int Returned { get; private set; }

        public override byte[] Rent(int minimumLength)
        {
            Rented++;
            return _inner.Rent(minimumLength);
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            Returned++;
            _inner.Return(array, clearArray);
        }
    }
}
