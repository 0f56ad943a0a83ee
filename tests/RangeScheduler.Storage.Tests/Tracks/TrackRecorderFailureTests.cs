using RangeScheduler.Storage.Tracks;
using static RangeScheduler.Storage.Tests.Tracks.TrackChunks;

namespace RangeScheduler.Storage.Tests.Tracks;

/// <summary>What <see cref="TrackRecorder"/> does when its store fails or a chunk is malformed; no database needed.</summary>
public sealed class TrackRecorderFailureTests
{
    [Fact]
    public async Task Flush_AfterAppendFailed_ThrowsOnceAndCountsLostChunks()
    {
        var store = new FailingTrackStore();
        await using var recorder = new TrackRecorder(store);
        recorder.Record(At("booking-1", "usv-1", 0)).ShouldBeTrue();
        recorder.Record(At("booking-1", "usv-1", 10)).ShouldBeTrue();

        await Should.ThrowAsync<StoreUnavailableException>(() => recorder.FlushAsync());

        recorder.Lost.ShouldBe(2);
        // Reported to one flush: the next has nothing new to report.
        await recorder.FlushAsync();
    }

    [Fact]
    public async Task Record_MalformedChunk_ArgumentExceptionAtOnce()
    {
        await using var recorder = new TrackRecorder(new FailingTrackStore());

        Should.Throw<ArgumentException>(() => recorder.Record(At("booking-1", "usv-1", 0) with { VehicleId = "" }));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    public void New_OptionNotPositive_ArgumentOutOfRange(int capacity, int maxBatch) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new TrackRecorder(new FailingTrackStore(), new TrackRecorderOptions(capacity, maxBatch)));

    private sealed class FailingTrackStore : ITrackStore
    {
        public Task AppendAsync(IReadOnlyList<TrackChunk> chunks, CancellationToken cancellationToken) =>
            Task.FromException(new StoreUnavailableException("The test's store is down."));

        public Task<IReadOnlyList<TrackChunk>> ReadAsync(
            string bookingId, string? vehicleId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<TrackChunk>> ReadNewestAsync(IReadOnlyCollection<(string BookingId, string VehicleId)> vehicles, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
