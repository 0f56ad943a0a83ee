using System.Buffers;
using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conformance;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Telemetry;
using Booking = RangeScheduler.Domain.Bookings.Booking;
using Vehicle = RangeScheduler.Domain.Bookings.Vehicle;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Takes one batch of a ground station's reports (DESIGN.md, "Telemetry and conformance"):
/// each report checked — fields, booking, organisation, vehicle, reporting window, clock,
/// sequence, rate — and rejected in the Ack with its code, never silently dropped (a batch's
/// reports are admitted in sequence order, whatever order they came in); the
/// accepted ones checked for conformance per range, published on the bus as one entry per
/// range, and recorded in their tracks.
/// </summary>
public sealed class PositionIngest(
    ReportableBookings bookings,
    ReportingVehicles vehicles,
    RangeMonitors monitors,
    RangeDesk desk,
    ConformanceDispatch dispatch,
    StationRoutes routes,
    CommandDelivery commands,
    CommandFeeds feeds,
    TrackRecording tracks,
    StoredTrackEnds trackEnds,
    HeightReference heights,
    IRangeBus bus,
    TelemetryOptions options,
    TimeProvider time)
{
    public async Task<Ack> IngestAsync(StationStream station, PositionBatch batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var receivedAt = Timestamp.FromDateTimeOffset(now);
        var ack = new Ack { BatchId = batch.BatchId };
        List<RangeBatch>? accepted = null;
        var order = AdmissionOrder(batch.Reports);
        for (var k = 0; k < batch.Reports.Count; k++)
        {
            var i = order?[k] ?? k;
            var report = batch.Reports[i];
            var (code, reason, booking, vehicle, monitor) = await AdmitAsync(station, batch.Reports, order, k, now, cancellationToken).ConfigureAwait(false);
            if (code == RejectedReport.Types.Code.Unspecified && booking is not null && vehicle is not null && monitor is not null)
            {
                ack.Accepted++;
                RangeBatch.Of(ref accepted, monitor, batch.Reports.Count).Add(report, booking, vehicle, heights.AboveMeanSeaLevel(report), now);
                if (routes.Carry(booking.Id, vehicle.Id, station))
                {
                    feeds.Follow(booking.RangeId);
                    commands.Offer(station, booking.Id, vehicle.Id);
                }
            }
            else if (reason is null)
            {
                ack.Duplicates++;
            }
            else
            {
                ack.Rejected.Add(new RejectedReport { VehicleId = report.VehicleId, Sequence = report.Sequence, Code = code, Reason = reason });
            }
        }
        if (accepted is not null)
        {
            foreach (var rangeBatch in accepted)
            {
                Publish(rangeBatch, receivedAt);
                rangeBatch.Release();
            }
        }
        return ack;
    }

    // Unspecified code and no reason: a duplicate. Unspecified with a booking: accepted, with the
    // booking's own vehicle (BookingVehicles.Find says why its id, not the report's, is used from here on).
    // Report k of the batch in admission order (order[k], or k when it came in order).
    private async ValueTask<(RejectedReport.Types.Code Code, string? Reason, Booking? Booking, Vehicle? Vehicle, RangeMonitor? Monitor)> AdmitAsync(
        StationStream station, IReadOnlyList<PositionReport> reports, int[]? order, int k, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var index = order?[k] ?? k;
        var report = reports[index];
        if (ReportFields.Violations(report, index) is { } violations)
        {
            return (RejectedReport.Types.Code.Invalid, violations, null, null, null);
        }
        if (report.HasAltitudeM && report.AltitudeReference == VerticalReference.Wgs84Ellipsoid && !heights.CanConvertEllipsoidHeights)
        {
            return (RejectedReport.Types.Code.Invalid,
                $"reports[{index}].altitude_reference: WGS84_ELLIPSOID heights cannot be converted here (the geoid grid is not installed); report AMSL", null, null, null);
        }
        var fixTime = report.Time.ToDateTimeOffset();
        var booking = await bookings.FindAsync(report.BookingId, fixTime, cancellationToken).ConfigureAwait(false);
        if (booking is null)
        {
            return (RejectedReport.Types.Code.BookingNotFound, $"no booking \"{report.BookingId}\"", null, null, null);
        }
        if (booking.OrganizationId != station.OrganizationId)
        {
            return (RejectedReport.Types.Code.NotPermitted, $"booking \"{booking.Id}\" belongs to another organisation", null, null, null);
        }
        if (BookingVehicles.Find(booking, report.VehicleId) is not { } vehicle)
        {
            return (RejectedReport.Types.Code.VehicleNotInBooking, $"vehicle \"{report.VehicleId}\" is not a vehicle of booking \"{booking.Id}\"", null, null, null);
        }
        var monitor = monitors.Find(booking.RangeId)
            ?? await desk.ReadAsync(booking.RangeId, (book, _) => monitors.Ensure(book), cancellationToken).ConfigureAwait(false);
        if (ReportingWindow.WhyNot(booking, monitor.Plane.Range.ReportGrace, fixTime) is { } notReportable)
        {
            return (RejectedReport.Types.Code.NotReportable, notReportable, null, null, null);
        }
        var skew = fixTime - now;
        if (skew.Duration() > options.MaxClockSkew)
        {
            return (RejectedReport.Types.Code.ClockSkew,
                $"reports[{index}].time is {Math.Abs(skew.TotalSeconds):0.###} s {(skew < TimeSpan.Zero ? "behind" : "ahead of")} the server's clock (at most {options.MaxClockSkew.TotalSeconds:0.###} s)", null, null, null);
        }
        var reporting = vehicles.Find(booking.OrganizationId, vehicle.Id);
        if (reporting is null)
        {
            await StartNewVehiclesAsync(station, reports, order, k, cancellationToken).ConfigureAwait(false);
            reporting = vehicles.Of(booking.OrganizationId, vehicle.Id);
        }
        return reporting.Admit(report.Epoch, report.Sequence, now) switch
        {
            Admission.Accepted => (RejectedReport.Types.Code.Unspecified, null, booking, vehicle, monitor),
            Admission.Duplicate => (RejectedReport.Types.Code.Unspecified, null, null, null, null),
            _ => (RejectedReport.Types.Code.RateLimited, $"vehicle \"{report.VehicleId}\" reports faster than {options.MaxReportRateHz:0.##} per second", null, null, null),
        };
    }

    /// <summary>
    /// Vehicles this process has not had a report of yet go on from their latest report on the
    /// bus, or where the bus knows none, from the end of their stored track: a station that
    /// reconnects to another instance, or to this one restarted, and sends again a batch the
    /// first one accepted gets duplicates, not a second copy. Called at the batch's first such
    /// vehicle (report <paramref name="from"/> in admission order), it starts every such vehicle
    /// of the rest of the batch with one bus look-up per range and one store look-up: once per
    /// vehicle and process, and nothing at all for a batch of known vehicles. Reports that are
    /// not admissible are left to admission to reject.
    /// </summary>
    private async Task StartNewVehiclesAsync(StationStream station, IReadOnlyList<PositionReport> reports, int[]? order, int from, CancellationToken cancellationToken)
    {
        var unknown = new Dictionary<string, HashSet<(string BookingId, string VehicleId)>>(StringComparer.Ordinal);
        for (var k = from; k < reports.Count; k++)
        {
            var report = reports[order?[k] ?? k];
            if (report.Time is null || vehicles.Find(station.OrganizationId, report.VehicleId) is not null)
            {
                continue;
            }
            var booking = await bookings.FindAsync(report.BookingId, report.Time.ToDateTimeOffset(), cancellationToken).ConfigureAwait(false);
            if (booking is not null && booking.OrganizationId == station.OrganizationId && BookingVehicles.Find(booking, report.VehicleId) is { } vehicle)
            {
                if (!unknown.TryGetValue(booking.RangeId, out var ofRange))
                {
                    unknown[booking.RangeId] = ofRange = [];
                }
                ofRange.Add((booking.Id, vehicle.Id));
            }
        }
        var latest = new Dictionary<(string BookingId, string VehicleId), PositionReport?>();
        foreach (var (rangeId, ofRange) in unknown)
        {
            var onBus = await bus.FindLatestReportsAsync(rangeId, ofRange, cancellationToken).ConfigureAwait(false);
            foreach (var vehicle in ofRange)
            {
                latest[vehicle] = onBus.GetValueOrDefault(vehicle);
            }
        }
        var unknownToBus = latest.Where(vehicle => vehicle.Value is null).Select(vehicle => vehicle.Key).ToList();
        if (unknownToBus.Count > 0)
        {
            foreach (var (vehicle, stored) in await trackEnds.FindAsync(unknownToBus, cancellationToken).ConfigureAwait(false))
            {
                latest[vehicle] = stored;
            }
        }
        foreach (var ((_, vehicleId), report) in latest)
        {
            vehicles.Start(station.OrganizationId, vehicleId, report);
        }
    }

    private void Publish(RangeBatch batch, Timestamp receivedAt)
    {
        var outcome = batch.Monitor.Observe(batch.Fixes, batch.Bookings);
        var updates = new List<PositionUpdate>(batch.Reports.Count);
        // One look per booking: a swarm's batch holds many vehicles of few bookings.
        var states = new Dictionary<string, Contracts.V1.ConformanceState>(batch.Bookings.Count, StringComparer.Ordinal);
        foreach (var booking in batch.Bookings)
        {
            states[booking.Id] = (Contracts.V1.ConformanceState)batch.Monitor.StateOf(booking.Id);
        }
        for (var i = 0; i < batch.Reports.Count; i++)
        {
            updates.Add(new PositionUpdate
            {
                Report = batch.Reports[i],
                Conformance = states[batch.BookingIds[i]],
                VehicleKind = (Contracts.V1.VehicleKind)batch.VehicleOf[i].Kind,
                ReceivedAt = receivedAt,
            });
        }
        bus.PublishPositions(batch.Monitor.RangeId, updates);
        // After the positions, so that a watcher sees a fix before the alert it raised.
        dispatch.Send(batch.Monitor.RangeId, outcome);
        tracks.Record(batch.Monitor.RangeId, batch.Reports, batch.BookingIds, batch.VehicleOf);
    }

    // A batch is one unit: reports in it are admitted in (epoch, sequence) order, so a station
    // that batches them out of order loses none; across batches an older pair is a duplicate.
    private static int[]? AdmissionOrder(IReadOnlyList<PositionReport> reports)
    {
        var ascending = true;
        for (var i = 1; i < reports.Count && ascending; i++)
        {
            ascending = Key(reports[i]) >= Key(reports[i - 1]);
        }
        if (ascending)
        {
            return null;
        }
        var keys = new UInt128[reports.Count];
        var order = new int[reports.Count];
        for (var i = 0; i < reports.Count; i++)
        {
            keys[i] = Key(reports[i]);
            order[i] = i;
        }
        Array.Sort(keys, order);
        return order;
    }

    private static UInt128 Key(PositionReport report) => new(report.Epoch, report.Sequence);

    /// <summary>The accepted reports of one batch on one range.</summary>
    /// <param name="capacity">The most reports it can take: the whole batch's.</param>
    private sealed class RangeBatch(RangeMonitor monitor, int capacity)
    {
        // A swarm's batch is hundreds of fixes of a hundred-odd bytes: a list of its own per
        // batch grew onto the large object heap, whose budget, used up every few seconds, set off
        // blocking generation 2 collections. Pooled arrays are allocated once.
        private readonly Fix[] _fixes = ArrayPool<Fix>.Shared.Rent(capacity);

        public RangeMonitor Monitor { get; } = monitor;

        public List<PositionReport> Reports { get; } = [];

        public List<Vehicle> VehicleOf { get; } = [];

        public List<string> BookingIds { get; } = [];

        public ArraySegment<Fix> Fixes => new(_fixes, 0, Reports.Count);

        public HashSet<Booking> Bookings { get; } = new(ReferenceEqualityComparer.Instance);

        public static RangeBatch Of(ref List<RangeBatch>? batches, RangeMonitor monitor, int capacity)
        {
            batches ??= [];
            foreach (var batch in batches)
            {
                if (ReferenceEquals(batch.Monitor, monitor))
                {
                    return batch;
                }
            }
            var added = new RangeBatch(monitor, capacity);
            batches.Add(added);
            return added;
        }

        public void Add(PositionReport report, Booking booking, Vehicle vehicle, double? height, DateTimeOffset receivedAt)
        {
            _fixes[Reports.Count] = new Fix(booking.Id, vehicle.Id, report.Time.ToDateTimeOffset(), receivedAt,
                new GeoPoint(report.Latitude, report.Longitude), height, report.NextReportBy?.ToDateTimeOffset());
            Reports.Add(report);
            VehicleOf.Add(vehicle);
            BookingIds.Add(booking.Id);
            Bookings.Add(booking);
        }

        /// <summary>Gives the fixes' array back once the batch is published; the batch is not used again.</summary>
        public void Release() => ArrayPool<Fix>.Shared.Return(_fixes, clearArray: true);
    }
}
