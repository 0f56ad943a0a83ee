using RangeScheduler.Storage.Tracks;
using RangeScheduler.Storage.Tests.Support;
using static RangeScheduler.Storage.Tests.Tracks.TrackChunks;

namespace RangeScheduler.Storage.Tests.Tracks;

/// <summary><see cref="TrackRecorder"/> writing to each store, run by a subclass.</summary>
public abstract class TrackRecorderTests : StoreTestBase
{
    private readonly string _bookingId = TestData.NewId("booking");

    [Fact]
    public async Task Flush_AfterRecording_EveryChunkReadable()
    {
        await using var recorder = new TrackRecorder(Storage.Tracks, new TrackRecorderOptions(MaxBatch: 7));
        var chunks = Enumerable.Range(0, 50).Select(i => At(_bookingId, "usv-1", i * 10)).ToList();

        chunks.ShouldAllBe(chunk => recorder.Record(chunk));
        await recorder.FlushAsync();

        (await ReadAllAsync()).ShouldBeStoredAs([.. chunks]);
    }

    [Fact]
    public async Task Dispose_WithChunksQueued_WritesThemFirst()
    {
        var recorder = new TrackRecorder(Storage.Tracks);
        var chunks = Enumerable.Range(0, 20).Select(i => At(_bookingId, "usv-1", i * 10)).ToList();
        chunks.ShouldAllBe(chunk => recorder.Record(chunk));

        await recorder.DisposeAsync();

        (await ReadAllAsync()).ShouldBeStoredAs([.. chunks]);
        recorder.Record(At(_bookingId, "usv-1", 1_000)).ShouldBeFalse("a disposed recorder takes nothing more");
    }

    [Fact]
    public async Task Record_QueueFull_FalseUntilBatchWritten()
    {
        var store = new GatedTrackStore(Storage.Tracks);
        await using var recorder = new TrackRecorder(store, new TrackRecorderOptions(Capacity: 3, MaxBatch: 1));

        // The first is taken and held in its append; the capacity counts it until it is durable.
        var accepted = Enumerable.Range(0, 5).Select(i => recorder.Record(At(_bookingId, "usv-1", i * 10))).ToList();
        accepted.ShouldBe([true, true, true, false, false]);
        store.Open();
        await recorder.FlushAsync();

        (await ReadAllAsync()).Count.ShouldBe(3);
        recorder.Record(At(_bookingId, "usv-1", 100)).ShouldBeTrue("the queue has room again");
    }

    [Fact]
    public async Task Record_FromManyThreads_NothingLost()
    {
        const int threads = 8;
        const int chunksEach = 500;
        await using var recorder = new TrackRecorder(Storage.Tracks, new TrackRecorderOptions(MaxBatch: 100));
        using var start = new Barrier(threads);

        var refused = await Task.WhenAll(Enumerable.Range(0, threads).Select(thread => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return Enumerable.Range(0, chunksEach).Count(i => !recorder.Record(At(_bookingId, $"usv-{thread}", i * 10)));
        }, TaskCreationOptions.LongRunning)));
        await recorder.FlushAsync();

        refused.Sum().ShouldBe(0);
        recorder.Lost.ShouldBe(0);
        var read = await Storage.Tracks.ReadAsync(_bookingId, null, Start, Start.AddDays(1), threads * chunksEach + 1, None);
        read.Count.ShouldBe(threads * chunksEach);
        read.Select(c => (c.VehicleId, c.FirstTime)).Distinct().Count().ShouldBe(threads * chunksEach);
    }

    private Task<IReadOnlyList<TrackChunk>> ReadAllAsync() =>
        Storage.Tracks.ReadAsync(_bookingId, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10_000, None);

    /// <summary>Holds every append until <see cref="Open"/>, so that the recorder's queue fills up.</summary>
    private sealed class GatedTrackStore(ITrackStore inner) : ITrackStore
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public async Task AppendAsync(IReadOnlyList<TrackChunk> chunks, CancellationToken cancellationToken)
        {
            await _open.Task;
            await inner.AppendAsync(chunks, cancellationToken);
        }

        public Task<IReadOnlyList<TrackChunk>> ReadAsync(
            string bookingId, string? vehicleId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken) =>
            inner.ReadAsync(bookingId, vehicleId, from, to, limit, cancellationToken);

        public Task<IReadOnlyList<TrackChunk>> ReadNewestAsync(IReadOnlyCollection<(string BookingId, string VehicleId)> vehicles, CancellationToken cancellationToken) =>
            inner.ReadNewestAsync(vehicles, cancellationToken);

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
            inner.DeleteOlderThanAsync(cutoff, cancellationToken);
    }
}
