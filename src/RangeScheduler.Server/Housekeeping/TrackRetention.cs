using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Server.Housekeeping;

/// <summary>Recorded tracks past the retention age (GetTrack then answers without them).</summary>
public sealed class TrackRetention(ITrackStore tracks) : IRetentionTask
{
    public string Name => "track chunks";

    public Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        tracks.DeleteOlderThanAsync(cutoff, cancellationToken);
}
