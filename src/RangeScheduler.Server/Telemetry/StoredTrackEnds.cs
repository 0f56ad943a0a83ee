using Google.Protobuf;
using Microsoft.Extensions.Logging;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Logging;
using RangeScheduler.Storage;
using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Where vehicles' stored tracks end: of each vehicle's newest chunk, the report with the
/// greatest (epoch, sequence). A vehicle new to this process goes on from there when the bus
/// does not know it — the in-process bus after a restart, Redis down, or the booking gone from
/// Redis's live state — so that a station sending again what was accepted and stored before
/// gets duplicates, not a second copy in the track.
/// </summary>
public sealed class StoredTrackEnds(ITrackStore tracks, ILogger<StoredTrackEnds> log)
{
    private static readonly IReadOnlyDictionary<(string BookingId, string VehicleId), PositionReport> None =
        new Dictionary<(string BookingId, string VehicleId), PositionReport>();

    /// <summary>
    /// The last stored report of each (booking, vehicle) that has a stored track. Empty when the
    /// store cannot be read (logged): admission goes on without, as ingest goes on when the
    /// recorder cannot write.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string BookingId, string VehicleId), PositionReport>> FindAsync(
        IReadOnlyCollection<(string BookingId, string VehicleId)> vehicles, CancellationToken cancellationToken)
    {
        IReadOnlyList<TrackChunk> newest;
        try
        {
            newest = await tracks.ReadNewestAsync(vehicles, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException e)
        {
            ServerLog.TrackEndsUnreadable(log, vehicles.Count, e);
            return None;
        }
        var ends = new Dictionary<(string BookingId, string VehicleId), PositionReport>(newest.Count);
        foreach (var chunk in newest)
        {
            if (Last(chunk) is { } last)
            {
                ends[(chunk.BookingId, chunk.VehicleId)] = last;
            }
        }
        return ends;
    }

    private PositionReport? Last(TrackChunk chunk)
    {
        try
        {
            return TrackEncoding.Decode(chunk.Reports, chunk.BookingId, chunk.VehicleId)
                .MaxBy(report => (report.Epoch, report.Sequence));
        }
        catch (InvalidProtocolBufferException e)
        {
            // One damaged chunk costs its vehicle the duplicates it would have told, not the stream.
            ServerLog.TrackChunkUnreadable(log, chunk.BookingId, chunk.VehicleId, e);
            return null;
        }
    }
}
