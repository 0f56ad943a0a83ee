using Google.Protobuf.Collections;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Server.Identities;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Mapping;

/// <summary>Bookings, vehicles and volumes between the contract and the domain.</summary>
internal static class BookingMapping
{
    /// <summary>
    /// The booking a CreateBooking or CheckConflicts request asks for, checked as far as the
    /// caller may ask for it: the range is one it may book on, and HIGH priority is a controller's.
    /// </summary>
    public static BookingRequest Request(Principal caller, string rangeId, RepeatedField<V1.Vehicle> vehicles,
        RepeatedField<V1.Volume4D> volumes, V1.Priority priority, string? ignoreBookingId)
    {
        var errors = new MappingErrors();
        errors.RequireNotEmpty(rangeId, "range_id");
        var mappedVehicles = Vehicles(vehicles, errors);
        var mappedVolumes = Volumes(volumes, errors);
        var mappedPriority = Priority(priority, "priority", errors);
        errors.ThrowIfAny();
        caller.EnsureControlsOrBooks(rangeId);
        caller.EnsureMayUse(mappedPriority);
        return new BookingRequest(caller.BookingOrganization(), mappedVehicles, mappedVolumes, mappedPriority,
            string.IsNullOrEmpty(ignoreBookingId) ? null : ignoreBookingId);
    }

    public static IReadOnlyList<Vehicle> Vehicles(RepeatedField<V1.Vehicle> vehicles, MappingErrors errors) =>
        vehicles.Select((vehicle, i) =>
        {
            var kind = EnumMapping.VehicleKind(vehicle.Kind, $"vehicles[{i}].kind", errors);
            return new Vehicle(vehicle.Id, kind ?? VehicleKind.Unspecified, vehicle.Model);
        }).ToList();

    public static IReadOnlyList<Volume4D> Volumes(RepeatedField<V1.Volume4D> volumes, MappingErrors errors)
    {
        var mapped = new List<Volume4D>(volumes.Count);
        for (var i = 0; i < volumes.Count; i++)
        {
            var path = $"volumes[{i}]";
            var footprint = GeoMapping.ToDomain(volumes[i].Footprint, $"{path}.footprint", errors);
            var vertical = GeoMapping.ToDomain(volumes[i].Vertical, $"{path}.vertical", errors);
            var window = GeoMapping.ToDomain(volumes[i].Window, $"{path}.window", errors);
            if (footprint is not null && vertical is not null && window is not null)
            {
                mapped.Add(new Volume4D(footprint, vertical.Value, window.Value));
            }
        }
        return mapped;
    }

    /// <summary>UNSPECIFIED is read as NORMAL (contract <c>Priority</c>).</summary>
    public static Priority Priority(V1.Priority priority, string path, MappingErrors errors) => priority switch
    {
        V1.Priority.Unspecified or V1.Priority.Normal => Domain.Bookings.Priority.Normal,
        V1.Priority.High => Domain.Bookings.Priority.High,
        _ => Invalid(path, priority, errors),
    };

    public static V1.Booking ToContract(Booking booking)
    {
        var contract = new V1.Booking
        {
            Id = booking.Id,
            RangeId = booking.RangeId,
            OrganizationId = booking.OrganizationId,
            Title = booking.Title,
            Priority = booking.Priority == Domain.Bookings.Priority.High ? V1.Priority.High : V1.Priority.Normal,
            State = EnumMapping.ToContract<BookingState, V1.BookingState>(booking.State),
            Conformance = EnumMapping.ToContract<ConformanceState, V1.ConformanceState>(booking.Conformance),
            Version = (ulong)booking.Version,
            CreatedAt = GeoMapping.ToContract(booking.CreatedAt),
            UpdatedAt = GeoMapping.ToContract(booking.UpdatedAt),
            StateMessage = booking.StateMessage,
            StateReason = EnumMapping.ToContract<StateReason, V1.StateReason>(booking.StateReason),
            CommandInForce = EnumMapping.ToContract<CommandKind, V1.CommandKind>(booking.CommandInForce),
        };
        contract.Vehicles.Add(booking.Vehicles.Select(v => new V1.Vehicle
        {
            Id = v.Id,
            Kind = EnumMapping.ToContract<VehicleKind, V1.VehicleKind>(v.Kind),
            Model = v.Model,
        }));
        contract.Volumes.Add(booking.Volumes.Select(v => new V1.Volume4D
        {
            Footprint = GeoMapping.ToContract(v.Footprint),
            Vertical = GeoMapping.ToContract(v.Vertical),
            Window = GeoMapping.ToContract(v.Window),
        }));
        return contract;
    }

    private static Priority Invalid(string path, V1.Priority priority, MappingErrors errors)
    {
        errors.Add(path, $"{(int)priority} is not a known Priority");
        return Domain.Bookings.Priority.Normal;
    }
}
