using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Builders;

/// <summary>
/// Builds a <see cref="BookingRequest"/>: by default organisation "oceanalpha", one USV
/// "usv-1", NORMAL priority and no volumes until <see cref="WithVolume(Volume4D)"/> is called.
/// </summary>
public sealed class BookingRequestBuilder
{
    private static readonly Vehicle DefaultVehicle = new("usv-1", VehicleKind.Usv, "M80");

    private readonly List<Volume4D> _volumes = [];
    private List<Vehicle>? _vehicles;
    private string _organizationId = "oceanalpha";
    private Priority _priority = Priority.Normal;
    private string? _ignoreBookingId;

    public BookingRequestBuilder ForOrganization(string organizationId)
    {
        _organizationId = organizationId;
        return this;
    }

    /// <summary>Adds a vehicle; the first one replaces the default "usv-1".</summary>
    public BookingRequestBuilder WithVehicle(string id, VehicleKind kind = VehicleKind.Usv, string model = "M80")
    {
        (_vehicles ??= []).Add(new Vehicle(id, kind, model));
        return this;
    }

    /// <summary>Sets exactly these vehicles; none at all when called without any.</summary>
    public BookingRequestBuilder WithVehicles(params Vehicle[] vehicles)
    {
        _vehicles = [.. vehicles];
        return this;
    }

    public BookingRequestBuilder WithVolume(Volume4D volume)
    {
        _volumes.Add(volume);
        return this;
    }

    /// <summary>Adds a volume; the band defaults to the sea surface up to 100 m.</summary>
    public BookingRequestBuilder WithVolume(Footprint footprint, TimeWindow window, double lowerMeters = 0, double upperMeters = 100) =>
        WithVolume(Volumes.Of(footprint, window, lowerMeters, upperMeters));

    public BookingRequestBuilder WithPriority(Priority priority)
    {
        _priority = priority;
        return this;
    }

    /// <summary>Marks the request as a change of (or a check for) an existing booking.</summary>
    public BookingRequestBuilder Ignoring(string bookingId)
    {
        _ignoreBookingId = bookingId;
        return this;
    }

    public BookingRequest Build() =>
        new(_organizationId, _vehicles?.ToList() ?? [DefaultVehicle], _volumes.ToList(), _priority, _ignoreBookingId);
}
