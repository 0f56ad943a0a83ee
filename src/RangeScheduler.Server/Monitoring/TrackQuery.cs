using System.Globalization;
using System.Text;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Server.Telemetry;
using RangeScheduler.Storage;
using RangeScheduler.Storage.Tracks;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Monitoring;

/// <summary>
/// GetTrack: the reports accepted for a booking (one vehicle or all), ascending by time,
/// in pages. Controllers of its range and its own organisation may read it; for anyone else
/// the booking does not exist. Reports recorded before the call are included.
/// </summary>
public sealed class TrackQuery(IBookingStore bookings, IRangeStore ranges, ITrackStore tracks, TrackRecording recording)
{
    public const int DefaultPageSize = 1_000;
    public const int MaxPageSize = 10_000;
    private const int ChunksPerRead = 2_000;

    public async Task<V1.Track> GetAsync(Principal caller, V1.GetTrackRequest request, CancellationToken cancellationToken)
    {
        var errors = new MappingErrors();
        errors.RequireNotEmpty(request.BookingId, "booking_id");
        var window = GeoMapping.ToFilter(request.Window, "window", errors);
        var after = TrackPosition.TryParse(request.PageToken, out var token) ? token : null;
        if (request.PageToken.Length > 0 && after is null)
        {
            errors.Add("page_token", "not a token from an earlier GetTrack");
        }
        errors.ThrowIfAny();
        var booking = await bookings.GetAsync(request.BookingId, cancellationToken).ConfigureAwait(false);
        if (booking is null || !(caller.MaySee(booking) || caller.Controls(booking.RangeId)))
        {
            throw new NotFoundException("booking", request.BookingId);
        }
        if (request.VehicleId.Length > 0 && booking.Vehicles.All(v => v.Id != request.VehicleId))
        {
            throw new InvalidRequestException("vehicle_id", $"\"{request.VehicleId}\" is not a vehicle of booking \"{booking.Id}\"");
        }
        var (from, to) = await BoundsAsync(booking, window, cancellationToken).ConfigureAwait(false);
        if (after is not null && after.Time > from)
        {
            from = after.Time;
        }
        var pageSize = request.PageSize == 0 ? DefaultPageSize : (int)Math.Min(request.PageSize, MaxPageSize);
        await recording.FlushAsync(cancellationToken).ConfigureAwait(false);
        var chunks = await tracks.ReadAsync(booking.Id, request.VehicleId.Length == 0 ? null : request.VehicleId, from, to, ChunksPerRead, cancellationToken).ConfigureAwait(false);
        // When the read stopped at its limit, chunks not read start at or after the last one read: only earlier reports are complete.
        var completeBefore = chunks.Count == ChunksPerRead ? chunks[^1].FirstTime : DateTimeOffset.MaxValue;
        var reports = new List<(TrackPosition Position, V1.PositionReport Report)>();
        foreach (var chunk in chunks)
        {
            foreach (var report in TrackEncoding.Decode(chunk.Reports, chunk.BookingId, chunk.VehicleId))
            {
                var position = TrackPosition.Of(report);
                if (position.Time >= from && position.Time < to && position.Time < completeBefore && (after is null || position.CompareTo(after) > 0))
                {
                    reports.Add((position, report));
                }
            }
        }
        reports.Sort((a, b) => a.Position.CompareTo(b.Position));
        var track = new V1.Track();
        track.Reports.AddRange(reports.Take(pageSize).Select(r => r.Report));
        if (reports.Count > pageSize || (completeBefore != DateTimeOffset.MaxValue && reports.Count > 0))
        {
            track.NextPageToken = reports[Math.Min(pageSize, reports.Count) - 1].Position.ToString();
        }
        return track;
    }

    // Unset ends default to the booking's reporting span: from the grace before its first start to the grace after its last end.
    private async Task<(DateTimeOffset From, DateTimeOffset To)> BoundsAsync(Booking booking, Domain.Time.TimeWindow? window, CancellationToken cancellationToken)
    {
        var range = await ranges.GetAsync(booking.RangeId, cancellationToken).ConfigureAwait(false);
        var grace = range?.ReportGrace ?? TimeSpan.Zero;
        var span = booking.Span;
        var from = window is { } w && w.Start != DateTimeOffset.MinValue ? w.Start : span.Start - grace;
        var to = window is { } v && v.End != DateTimeOffset.MaxValue ? v.End : span.End + grace;
        return (from, to);
    }
}

/// <summary>Where a report stands in a track: by time, then vehicle, epoch and sequence. Also the page token.</summary>
internal sealed record TrackPosition(DateTimeOffset Time, string VehicleId, ulong Epoch, ulong Sequence) : IComparable<TrackPosition>
{
    public static TrackPosition Of(V1.PositionReport report) => new(report.Time.ToDateTimeOffset(), report.VehicleId, report.Epoch, report.Sequence);

    public int CompareTo(TrackPosition? other)
    {
        if (other is null)
        {
            return 1;
        }
        var byTime = Time.CompareTo(other.Time);
        if (byTime != 0)
        {
            return byTime;
        }
        var byVehicle = string.CompareOrdinal(VehicleId, other.VehicleId);
        return byVehicle != 0 ? byVehicle : (Epoch, Sequence).CompareTo((other.Epoch, other.Sequence));
    }

    public override string ToString() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{Time.UtcTicks}|{Epoch}|{Sequence}|{VehicleId}")));

    public static bool TryParse(string token, out TrackPosition? position)
    {
        position = null;
        if (token.Length == 0)
        {
            return false;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|', 4);
            if (parts.Length == 4 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && ulong.TryParse(parts[1], CultureInfo.InvariantCulture, out var epoch) && ulong.TryParse(parts[2], CultureInfo.InvariantCulture, out var sequence))
            {
                position = new TrackPosition(new DateTimeOffset(ticks, TimeSpan.Zero), parts[3], epoch, sequence);
            }
        }
        catch (FormatException)
        {
            // Not base64: not a token of ours.
        }
        return position is not null;
    }
}
