using RangeScheduler.Storage.Tracks;
using RangeScheduler.Storage.Tests.Support;
using static RangeScheduler.Storage.Tests.Tracks.TrackChunks;

namespace RangeScheduler.Storage.Tests.Tracks;

/// <summary><see cref="ITrackStore"/>'s contract, run against each store by a subclass.</summary>
public abstract class TrackStoreTests : StoreTestBase
{
    private readonly string _bookingId = TestData.NewId("booking");

    private ITrackStore Tracks => Storage.Tracks;

    /// <summary>A new database as the first release left it: only migration 0001 applied, and range "legacy" at sequence 7.</summary>
    protected abstract Task<string> FirstReleaseDatabaseAsync();

    [Fact]
    public async Task Append_ThenRead_FieldsAndBytesIdentical()
    {
        var chunk = Chunk(_bookingId, "usv-1", Start.AddTicks(1_234_560), Start.AddMinutes(1).AddTicks(70), count: 100);

        await Tracks.AppendAsync([chunk], None);

        (await Tracks.ReadAsync(_bookingId, null, Start, Start.AddHours(1), 10, None)).ShouldBeStoredAs(chunk);
    }

    public static TheoryData<string, double, double, bool> Windows => new()
    {
        // the chunk spans [Start + 100 s, Start + 110 s]; windows are [from, to) in seconds after Start
        { "ends where the chunk starts", 0, 100, false },
        { "ends a microsecond into the chunk", 0, 100.000001, true },
        { "starts at the chunk's last fix", 110, 200, true },
        { "starts a microsecond after the last fix", 110.000001, 200, false },
        { "inside the chunk", 103, 104, true },
        { "around the chunk", 0, 200, true },
        { "empty, inside the chunk", 105, 105, false },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task Read_WindowEdges_HalfOpenWindowAgainstClosedChunk(string window, double from, double to, bool found)
    {
        var chunk = At(_bookingId, "usv-1", 100);
        await Tracks.AppendAsync([chunk], None);

        var read = await Tracks.ReadAsync(_bookingId, null, Start.AddTicks((long)(from * 10_000_000)), Start.AddTicks((long)(to * 10_000_000)), 10, None);

        read.Count.ShouldBe(found ? 1 : 0, window);
    }

    [Fact]
    public async Task Read_Vehicle_OnlyThatVehiclesChunks()
    {
        var first = At(_bookingId, "usv-1", 0);
        var second = At(_bookingId, "usv-1", 10);
        await Tracks.AppendAsync([first, At(_bookingId, "usv-2", 0), second, At(_bookingId, "uav-9", 5)], None);

        (await Tracks.ReadAsync(_bookingId, "usv-1", Start, Start.AddHours(1), 10, None)).ShouldBeStoredAs(first, second);
    }

    [Fact]
    public async Task Read_ManyVehicles_OrderedByFirstTimeThenVehicleThenLastTime()
    {
        var b0 = At(_bookingId, "b", 0);
        var a10 = At(_bookingId, "a", 10);
        var b10 = At(_bookingId, "b", 10);
        var b10Short = Chunk(_bookingId, "b", Start.AddSeconds(10), Start.AddSeconds(12));
        var a20 = At(_bookingId, "a", 20);
        await Tracks.AppendAsync([a20, b10], None);
        await Tracks.AppendAsync([b10Short, a10, b0], None);

        (await Tracks.ReadAsync(_bookingId, null, Start, Start.AddHours(1), 10, None)).ShouldBeStoredAs(b0, a10, b10Short, b10, a20);
    }

    [Fact]
    public async Task Read_Limit_FirstChunksInOrder()
    {
        var chunks = Enumerable.Range(0, 10).Select(i => At(_bookingId, "usv-1", i * 10)).ToList();
        await Tracks.AppendAsync(chunks.AsEnumerable().Reverse().ToList(), None);

        (await Tracks.ReadAsync(_bookingId, null, Start.AddSeconds(15), Start.AddHours(1), 3, None)).ShouldBeStoredAs(chunks[1], chunks[2], chunks[3]);
    }

    [Fact]
    public async Task Read_OtherBookingOrNothingStored_Empty()
    {
        await Tracks.AppendAsync([At(_bookingId, "usv-1", 0)], None);

        (await Tracks.ReadAsync(TestData.NewId("booking"), null, Start, Start.AddHours(1), 10, None)).ShouldBeEmpty();
        (await Tracks.ReadAsync(_bookingId, "usv-2", Start, Start.AddHours(1), 10, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_LimitNotPositive_ArgumentOutOfRange() =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Tracks.ReadAsync(_bookingId, null, Start, Start.AddHours(1), 0, None));

    [Fact]
    public async Task ReadNewest_EachVehiclesChunkThatBeganLast()
    {
        var other = TestData.NewId("booking");
        var a20 = At(_bookingId, "a", 20);
        var b10 = At(_bookingId, "b", 10);
        var b10Longer = Chunk(_bookingId, "b", Start.AddSeconds(10), Start.AddSeconds(30));
        var a0 = At(_bookingId, "a", 0);
        var otherA30 = At(other, "a", 30);
        // Appended out of order: the newest is by time, not by when it was stored.
        await Tracks.AppendAsync([a20, b10Longer, At(_bookingId, "b", 0), otherA30], None);
        await Tracks.AppendAsync([b10, a0, At(_bookingId, "c", 0)], None);

        var newest = await Tracks.ReadNewestAsync([(_bookingId, "a"), (_bookingId, "b"), (other, "a")], None);

        newest.OrderBy(c => c.BookingId == _bookingId ? 0 : 1).ThenBy(c => c.VehicleId).ToList().ShouldBeStoredAs(a20, b10Longer, otherA30);
    }

    [Fact]
    public async Task ReadNewest_SameStartAndEnd_TheLastAppended()
    {
        var first = At(_bookingId, "usv-1", 0);
        var again = Chunk(_bookingId, "usv-1", first.FirstTime, first.LastTime, count: 4);
        await Tracks.AppendAsync([first], None);
        await Tracks.AppendAsync([again], None);

        (await Tracks.ReadNewestAsync([(_bookingId, "usv-1")], None)).ShouldBeStoredAs(again);
    }

    [Fact]
    public async Task ReadNewest_VehiclesWithoutChunksOrNoneAsked_Empty()
    {
        await Tracks.AppendAsync([At(_bookingId, "usv-1", 0)], None);

        (await Tracks.ReadNewestAsync([(_bookingId, "usv-2"), (TestData.NewId("booking"), "usv-1")], None)).ShouldBeEmpty();
        (await Tracks.ReadNewestAsync([], None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Append_OneMalformedChunk_ArgumentExceptionAndNothingStored()
    {
        var backwards = Chunk(_bookingId, "usv-1", Start.AddSeconds(10), Start);

        await Should.ThrowAsync<ArgumentException>(() => Tracks.AppendAsync([At(_bookingId, "usv-1", 0), backwards], None));
        await Should.ThrowAsync<ArgumentException>(() => Tracks.AppendAsync([At(_bookingId, "usv-1", 0) with { Count = 0 }], None));

        (await Tracks.ReadAsync(_bookingId, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteOlderThan_ChunksEndedBeforeCutoff_DeletedAndCounted()
    {
        // Years before every other test's chunks, which share the database.
        var early = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ended = Chunk(_bookingId, "usv-1", early, early.AddMinutes(1));
        var endsAtCutoff = Chunk(_bookingId, "usv-2", early, early.AddMinutes(2));
        var spansCutoff = Chunk(_bookingId, "usv-3", early.AddMinutes(1), early.AddMinutes(3));
        await Tracks.AppendAsync([ended, endsAtCutoff, spansCutoff], None);

        (await Tracks.DeleteOlderThanAsync(early.AddMinutes(2), None)).ShouldBe(1);
        (await Tracks.DeleteOlderThanAsync(early.AddMinutes(2), None)).ShouldBe(0);

        (await Tracks.ReadAsync(_bookingId, null, early, early.AddHours(1), 10, None)).ShouldBeStoredAs(endsAtCutoff, spansCutoff);
    }

    [Fact]
    public async Task Initialize_DatabaseOfFirstRelease_TracksAddedAndRowsKept()
    {
        await using var storage = RangeStorage.Open(await FirstReleaseDatabaseAsync());

        await storage.InitializeAsync(None);

        (await storage.Bookings.LoadRangeStateAsync("legacy", None)).Sequence.ShouldBe(7);
        var chunk = At(_bookingId, "usv-1", 0);
        await storage.Tracks.AppendAsync([chunk], None);
        (await storage.Tracks.ReadAsync(_bookingId, null, Start, Start.AddHours(1), 10, None)).ShouldBeStoredAs(chunk);
    }
}
