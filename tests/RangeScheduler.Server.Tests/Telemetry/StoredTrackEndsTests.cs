using System.Buffers;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Data.Sqlite;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Telemetry;
using RangeScheduler.Server.Tests.Support;
using RangeScheduler.Storage;
using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// <see cref="StoredTrackEnds"/> over a real SQLite store: the report a vehicle new to the
/// process goes on from, and admission going on without it when the track cannot be read.
/// </summary>
public sealed class StoredTrackEndsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly LogCapture _logs = new();
    private RangeStorage _storage = null!;

    private StoredTrackEnds Ends => new(_storage.Tracks, _logs.For<StoredTrackEnds>());

    public async Task InitializeAsync()
    {
        _storage = RangeStorage.Open(_data.SqliteStore);
        await _storage.InitializeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EachVehicle_GreatestEpochAndSequenceOfItsNewestChunk()
    {
        await _storage.Tracks.AppendAsync(
        [
            Chunk("b-1", "usv-1", 0, Report(0, 7), Report(0, 8)),
            // The station restarted its numbering within the newest chunk: epoch 1 comes after sequence 50.
            Chunk("b-1", "usv-1", 10, Report(0, 49), Report(0, 50), Report(1, 1), Report(1, 2)),
            Chunk("b-1", "usv-2", 0, Report(3, 4), Report(3, 2)),
        ], CancellationToken.None);

        var ends = await Ends.FindAsync([("b-1", "usv-1"), ("b-1", "usv-2"), ("b-1", "usv-3")], CancellationToken.None);

        ends.Keys.Order().ShouldBe([("b-1", "usv-1"), ("b-1", "usv-2")]);
        (ends[("b-1", "usv-1")].Epoch, ends[("b-1", "usv-1")].Sequence).ShouldBe((1ul, 2ul));
        (ends[("b-1", "usv-2")].Epoch, ends[("b-1", "usv-2")].Sequence).ShouldBe((3ul, 4ul));
        ends[("b-1", "usv-2")].VehicleId.ShouldBe("usv-2");
    }

    [Fact]
    public async Task DamagedChunk_ThatVehicleLeftOut_OthersFound_Logged()
    {
        var damaged = new TrackChunk("range", "b-2", "usv-1", Start, Start.AddSeconds(1), 1, new byte[] { 0x7F, 0x01 });
        await _storage.Tracks.AppendAsync([damaged, Chunk("b-2", "usv-2", 0, Report(0, 5))], CancellationToken.None);

        var ends = await Ends.FindAsync([("b-2", "usv-1"), ("b-2", "usv-2")], CancellationToken.None);

        ends.Keys.ShouldBe([("b-2", "usv-2")]);
        var logged = _logs.Entries.ShouldHaveSingleItem();
        (logged.Level, logged.EventName).ShouldBe((LogLevel.Error, "TrackChunkUnreadable"));
        logged.Message.ShouldContain("usv-1");
    }

    [Fact]
    public async Task StoreUnreadable_NothingFound_Logged()
    {
        await _storage.Tracks.AppendAsync([Chunk("b-3", "usv-1", 0, Report(0, 5))], CancellationToken.None);
        using (var connection = new SqliteConnection(_data.SqliteStore))
        {
            connection.Open();
            using var rename = connection.CreateCommand();
            rename.CommandText = "ALTER TABLE track_chunks RENAME TO track_chunks_elsewhere";
            rename.ExecuteNonQuery();
        }

        var ends = await Ends.FindAsync([("b-3", "usv-1")], CancellationToken.None);

        ends.ShouldBeEmpty();
        var logged = _logs.Entries.ShouldHaveSingleItem();
        (logged.Level, logged.EventName).ShouldBe((LogLevel.Warning, "TrackEndsUnreadable"));
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _data.Dispose();
    }

    private static PositionReport Report(ulong epoch, ulong sequence) => new()
    {
        Epoch = epoch,
        Sequence = sequence,
        Latitude = 22.0,
        Longitude = 113.7,
        Time = Timestamp.FromDateTimeOffset(Start.AddSeconds(sequence)),
    };

    private static TrackChunk Chunk(string bookingId, string vehicleId, double secondsAfterStart, params PositionReport[] reports)
    {
        var encoded = new ArrayBufferWriter<byte>();
        foreach (var report in reports)
        {
            TrackEncoding.Append(encoded, report.Clone());
        }
        var first = Start.AddSeconds(secondsAfterStart);
        return new TrackChunk("range", bookingId, vehicleId, first, first.AddSeconds(5), reports.Length, encoded.WrittenMemory.ToArray());
    }
}
