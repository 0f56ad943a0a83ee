using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Geo;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.GroundStation.Swarm;

/// <summary>
/// The bookings a swarm flies in: existing ones by id, or new ones an operator books for the
/// run (a grid of squares near the middle of the range, starting a few seconds from now),
/// waited on until ACTIVE and cancelled again afterwards.
/// </summary>
public sealed class SwarmBookingSource(GrpcChannel channel, string apiKey, TextWriter output)
{
    private const double SquareSideMeters = 500;
    private static readonly TimeSpan LeadTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ActivationTimeout = TimeSpan.FromSeconds(60);

    private readonly BookingServiceClient _bookings = new(channel);

    public async Task<IReadOnlyList<Booking>> LoadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var loaded = new List<Booking>();
        foreach (var id in ids)
        {
            loaded.Add(await _bookings.GetBookingAsync(new GetBookingRequest { BookingId = id }, Call(cancellationToken)).ResponseAsync.ConfigureAwait(false));
        }
        return loaded;
    }

    /// <summary>
    /// Books <paramref name="count"/> squares of <paramref name="vehiclesPerBooking"/> vehicles
    /// for <paramref name="duration"/> (plus a minute), the range's separation apart, with the
    /// range's vertical limits; fails on the first rejection, listing its conflicts.
    /// </summary>
    public async Task<IReadOnlyList<Booking>> CreateAsync(string rangeId, int count, int vehiclesPerBooking, TimeSpan duration, CancellationToken cancellationToken)
    {
        var range = await new RangeServiceClient(channel).GetRangeAsync(new GetRangeRequest { RangeId = rangeId }, Call(cancellationToken)).ResponseAsync.ConfigureAwait(false);
        var boundary = FootprintShape.Of(new Footprint { Polygon = range.Boundary });
        var (east, north, _) = boundary.InnerCircle();
        var (latitude, longitude) = boundary.Plane.ToGeodetic(east, north);
        var squares = SwarmGrid.Squares(latitude, longitude, count, SquareSideMeters, (range.Separation?.HorizontalM ?? 0) + 50);
        var kind = range.Domain == RangeDomain.Sea ? VehicleKind.Usv : VehicleKind.Uav;
        var start = DateTimeOffset.UtcNow + LeadTime;
        var window = new TimeWindow { Start = Timestamp.FromDateTimeOffset(start), End = Timestamp.FromDateTimeOffset(start + duration + TimeSpan.FromMinutes(1)) };
        // Vehicle ids unique to the run, so a rerun is not a double booking of the same vehicles.
        var run = start.ToUnixTimeSeconds().ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        var created = new List<Booking>();
        for (var k = 0; k < count; k++)
        {
            var request = new CreateBookingRequest
            {
                RangeId = rangeId,
                Title = $"swarm {run} #{k}",
                IdempotencyKey = $"swarm-{run}-{k}",
                Volumes = { new Volume4D { Footprint = squares[k], Vertical = range.VerticalLimits ?? new VerticalBand { LowerM = 0, UpperM = 120 }, Window = window } },
            };
            for (var m = 0; m < vehiclesPerBooking; m++)
            {
                request.Vehicles.Add(new Vehicle { Id = $"sw{run}-{k}-{m}", Kind = kind, Model = "simulated" });
            }
            var response = await _bookings.CreateBookingAsync(request, Call(cancellationToken)).ResponseAsync.ConfigureAwait(false);
            if (response.OutcomeCase != CreateBookingResponse.OutcomeOneofCase.Booking)
            {
                await CancelAsync(created, CancellationToken.None).ConfigureAwait(false);
                throw new InvalidOperationException($"Booking square {k} was rejected: " + string.Join("; ", response.Rejection.Conflicts.Select(c => $"{c.Kind} {c.Message}")));
            }
            created.Add(response.Booking);
        }
        output.WriteLine($"booked {created.Count} squares of {vehiclesPerBooking} vehicles from {start:HH:mm:ss}Z; waiting until ACTIVE");
        return await AwaitActiveAsync(created, start + ActivationTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels bookings not yet active (a run that could not book all its squares); failures are reported, not thrown.</summary>
    public async Task CancelAsync(IEnumerable<Booking> bookings, CancellationToken cancellationToken)
    {
        foreach (var booking in bookings)
        {
            try
            {
                await _bookings.CancelBookingAsync(new CancelBookingRequest { BookingId = booking.Id, Message = "swarm run ended" }, Call(cancellationToken)).ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                output.WriteLine($"could not cancel {booking.Id}: {e.Status.StatusCode} {e.Status.Detail}");
            }
        }
    }

    private async Task<IReadOnlyList<Booking>> AwaitActiveAsync(List<Booking> bookings, DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await LoadAsync(bookings.ConvertAll(b => b.Id), cancellationToken).ConfigureAwait(false);
            if (current.All(b => b.State == BookingState.Active))
            {
                return current;
            }
            if (DateTimeOffset.UtcNow > giveUpAt)
            {
                throw new TimeoutException("Bookings not ACTIVE in time: " + string.Join(", ", current.Where(b => b.State != BookingState.Active).Select(b => $"{b.Id} {b.State}")));
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }
    }

    private CallOptions Call(CancellationToken cancellationToken) =>
        new(new Metadata { { "authorization", $"Bearer {apiKey}" } }, DateTime.UtcNow.AddSeconds(30), cancellationToken);
}
