using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Domain.Bookings;

/// <summary>A vehicle of the booking organisation; <see cref="Id"/> is unique within the organisation.</summary>
public sealed record Vehicle(string Id, VehicleKind Kind, string Model);
