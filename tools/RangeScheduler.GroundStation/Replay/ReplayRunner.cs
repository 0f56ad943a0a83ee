using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;
using RangeScheduler.GroundStation.Logs;
using RangeScheduler.GroundStation.Station;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.GroundStation.Replay;

/// <summary>
/// Streams a real log into a booking: reads the booking, moves the log's track onto the
/// centroid of its first volume's footprint (<see cref="TrackPlacer"/>), then sends the
/// fixes as they fall due, coalesced into one batch per interval, printing what comes back.
/// </summary>
public sealed class ReplayRunner(TextWriter output, TimeProvider time)
{
    /// <summary>A speed of 0 still splits the track, so that no batch nears the message size limit.</summary>
    private const int MaxReportsPerBatch = 500;

    public async Task<FeedbackSnapshot> RunAsync(ReplayOptions options, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(options.Server);
        var headers = new Metadata { { "authorization", $"Bearer {options.ApiKey}" } };
        var booking = await new BookingServiceClient(channel)
            .GetBookingAsync(new GetBookingRequest { BookingId = options.BookingId }, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30), cancellationToken))
            .ResponseAsync.ConfigureAwait(false);
        if (booking.Vehicles.Count == 0 || booking.Volumes.Count == 0)
        {
            throw new InvalidOperationException($"Booking {booking.Id} has no vehicles or no volumes to replay into.");
        }
        var vehicleId = options.VehicleId ?? booking.Vehicles[0].Id;
        var track = TrackLogs.TrackOf(TrackLogs.Read(options.File), options.Track);
        var volume = booking.Volumes[0];
        var (latitude, longitude) = FootprintShape.Of(volume.Footprint).Centroid();
        var placed = TrackPlacer.Place(track, latitude, longitude, volume.Vertical, options.Speed);
        var source = track.Count > 0 && track[0].Source == LogKind.Ais ? PositionSource.Ais : PositionSource.Gnss;
        output.WriteLine($"replaying {placed.Count} fixes of {Path.GetFileName(options.File)} as {vehicleId} into booking {booking.Id} ({booking.State}) from {latitude:F6},{longitude:F6}");

        var counts = new FeedbackCounts();
        await using var link = new StationLink(new TelemetryServiceClient(channel), new CallOptions(headers, CancellationToken: cancellationToken), counts, new ConsoleStationObserver(output));
        var start = time.GetUtcNow();
        var epoch = (ulong)start.ToUnixTimeSeconds();
        var batch = new PositionBatch();
        ulong sequence = 0;
        var next = 0;
        while (next < placed.Count)
        {
            var elapsed = time.GetUtcNow() - start;
            if (placed[next].Due > elapsed)
            {
                // Sleep to the next fix due, but never less than the batch interval, so fixes coalesce.
                await Task.Delay(Max(placed[next].Due - elapsed, options.BatchInterval), time, cancellationToken).ConfigureAwait(false);
                elapsed = time.GetUtcNow() - start;
            }
            batch.Reports.Clear();
            while (next < placed.Count && placed[next].Due <= elapsed && batch.Reports.Count < MaxReportsPerBatch)
            {
                var stamp = options.Speed == 0 ? time.GetUtcNow() : start + placed[next].Due;
                batch.Reports.Add(Report(placed[next++], booking.Id, vehicleId, ++sequence, epoch, stamp, source));
            }
            await link.SendAsync(batch).ConfigureAwait(false);
        }
        await link.CompleteAsync().ConfigureAwait(false);
        var summary = counts.Snapshot();
        output.WriteLine($"sent {summary.Fixes} in {summary.Batches} batches, accepted {summary.Accepted}, rejected {summary.Rejected}, duplicates {summary.Duplicates}, alerts {summary.AlertTotal}, commands {summary.Commands}");
        return summary;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static PositionReport Report(PlacedFix fix, string bookingId, string vehicleId, ulong sequence, ulong epoch, DateTimeOffset time, PositionSource source)
    {
        var report = new PositionReport
        {
            BookingId = bookingId,
            VehicleId = vehicleId,
            Time = Timestamp.FromDateTimeOffset(time),
            Latitude = fix.Latitude,
            Longitude = fix.Longitude,
            Sequence = sequence,
            Epoch = epoch,
            Source = source,
            AltitudeReference = VerticalReference.Amsl,
            Status = fix.AltitudeMeters is null ? OperationalStatus.Underway : OperationalStatus.Airborne,
        };
        if (fix.AltitudeMeters is { } altitude)
        {
            report.AltitudeM = altitude;
        }
        if (fix.SpeedMetersPerSecond is { } speed)
        {
            report.GroundSpeedMps = (float)speed;
        }
        if (fix.CourseDegrees is { } course)
        {
            report.CourseDeg = (float)course;
        }
        if (fix.HeadingDegrees is { } heading)
        {
            report.HeadingDeg = (float)heading;
        }
        return report;
    }
}
