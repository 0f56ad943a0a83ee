using System.Diagnostics;
using RangeScheduler.Storage.Sqlite;
using RangeScheduler.Storage.Tests.Support;
using RangeScheduler.Storage.Tests.Tracks;
using RangeScheduler.Storage.Tracks;
using Xunit.Abstractions;

namespace RangeScheduler.Storage.Tests.Sqlite;

/// <summary>
/// Track writes share the SQLite file's one writer with booking decisions. These tests check
/// that both get through and write their figures to the test output (docs/storage.md, "Tracks");
/// they assert no timings, which depend on the machine.
/// </summary>
public sealed class SqliteTrackCommitTests(SqliteFile file, ITestOutputHelper output) : StoreTestBase, IClassFixture<SqliteFile>
{
    private const int ReportsPerChunk = 100;

    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);

    [Fact]
    public async Task Append_BatchesOfHundredReportChunks_AllStored()
    {
        const int batches = 40;
        const int batchSize = 500;
        var bookingId = TestData.NewId("booking");
        var chunks = Chunks(bookingId, batches * batchSize);
        var stopwatch = Stopwatch.StartNew();

        foreach (var batch in chunks.Chunk(batchSize))
        {
            await Storage.Tracks.AppendAsync(batch, None);
        }

        stopwatch.Stop();
        output.WriteLine($"{chunks.Count} chunks of {ReportsPerChunk} reports ({chunks[0].Reports.Length} bytes) in batches of {batchSize}: " +
                         $"{chunks.Count / stopwatch.Elapsed.TotalSeconds:0} chunks/s, {stopwatch.Elapsed.TotalMilliseconds / batches:0.0} ms a batch");
        (await ReadAllAsync(bookingId, chunks.Count + 1)).Count.ShouldBe(chunks.Count);
    }

    [Fact]
    public async Task Decide_WhileRecorderWritesFlatOut_BookingsAndChunksAllDurable()
    {
        const int chunkCount = 30_000;
        // The first run warms up the JIT and the file; the second is the figure without tracks.
        await DecideManyAsync();
        var quiet = await DecideManyAsync();
        var bookingId = TestData.NewId("booking");
        var chunks = Chunks(bookingId, chunkCount);
        await using var recorder = new TrackRecorder(Storage.Tracks, new TrackRecorderOptions(Capacity: chunkCount));
        var stopwatch = Stopwatch.StartNew();

        chunks.ShouldAllBe(chunk => recorder.Record(chunk));
        var busy = await DecideManyAsync();
        await recorder.FlushAsync();

        stopwatch.Stop();
        output.WriteLine($"booking decisions alone:                {quiet}");
        output.WriteLine($"while {chunkCount} chunks are recorded: {busy}");
        output.WriteLine($"chunks durable after {stopwatch.Elapsed.TotalSeconds:0.00} s: {chunkCount / stopwatch.Elapsed.TotalSeconds:0} chunks/s");
        recorder.Lost.ShouldBe(0);
        (await ReadAllAsync(bookingId, chunkCount + 1)).Count.ShouldBe(chunkCount);
    }

    /// <summary>16 callers, 100 decisions each, each waiting for its booking to be durable; their latencies.</summary>
    private async Task<string> DecideManyAsync()
    {
        const int callers = 16;
        const int decisionsEach = 100;
        var rangeId = TestData.NewId("range");
        var latencies = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var own = new List<double>();
            for (var i = 0; i < decisionsEach; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await Storage.Ledger.PutAsync(TestData.Booking(rangeId, TestData.Morning.AddMinutes(caller * decisionsEach + i)));
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return own;
        })));
        (await Storage.Bookings.LoadRangeStateAsync(rangeId, None)).Bookings.Count.ShouldBe(callers * decisionsEach);
        var sorted = latencies.SelectMany(l => l).Order().ToList();
        return $"{sorted.Count} decisions, latency p50 {sorted[sorted.Count / 2]:0.0} ms, " +
               $"p99 {sorted[sorted.Count * 99 / 100]:0.0} ms, max {sorted[^1]:0.0} ms " +
               $"({((SqliteStorage)Storage).Committer.Commits} commits so far)";
    }

    private static List<TrackChunk> Chunks(string bookingId, int count) =>
        Enumerable.Range(0, count)
            .Select(i => TrackChunks.Chunk(bookingId, $"usv-{i % 8}", TrackChunks.Start.AddSeconds(i), TrackChunks.Start.AddSeconds(i + 1), ReportsPerChunk))
            .ToList();

    private Task<IReadOnlyList<TrackChunk>> ReadAllAsync(string bookingId, int limit) =>
        Storage.Tracks.ReadAsync(bookingId, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, limit, None);
}
