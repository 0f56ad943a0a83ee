using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>
/// Bookings already on a range, for conflict tests. By default another organisation's
/// ("rivalco"): CONFIRMED, NORMAL, one USV "usv-rival", with a title that must never show in
/// a conflict message. Adjust with <c>with { … }</c>.
/// </summary>
public static class TestBookings
{
    public const string RivalOrganization = "rivalco";
    public const string RivalTitle = "Rival sea trial";
    public const string RivalVehicle = "usv-rival";

    public static Booking Confirmed(string id, params Volume4D[] volumes) => new()
    {
        Id = id,
        RangeId = "zhuhai-wanshan",
        OrganizationId = RivalOrganization,
        Title = RivalTitle,
        Vehicles = [new Vehicle(RivalVehicle, VehicleKind.Usv, "M80")],
        Volumes = volumes,
        State = BookingState.Confirmed,
        CreatedAt = TestTimes.Now,
        UpdatedAt = TestTimes.Now,
    };

    /// <summary>A book of <paramref name="range"/> holding <paramref name="bookings"/> and no closures.</summary>
    public static RangeBook Book(TestRange range, params Booking[] bookings) => new(range, [], bookings);

    /// <summary>Wanshan (300 m / 30 m / 5 min) holding <paramref name="bookings"/>.</summary>
    public static RangeBook Wanshan(params Booking[] bookings) => Book(TestRanges.Wanshan(), bookings);

    /// <summary>Wanshan with no separation at all: only overlapping interiors conflict.</summary>
    public static RangeBook WanshanWithoutSeparation(params Booking[] bookings) =>
        Book(TestRanges.Wanshan() with { Separation = Separation.None }, bookings);
}
