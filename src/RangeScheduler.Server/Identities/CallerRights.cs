using RangeScheduler.Domain.Bookings;
using RangeScheduler.Server.Errors;

namespace RangeScheduler.Server.Identities;

/// <summary>
/// Whose bookings and which ranges a caller may act on (DESIGN.md, "Identities"): operators
/// and ground stations their organisation's bookings, controllers the bookings of their
/// ranges, administrators everything. <see cref="AccessRules"/> has already checked the method.
/// </summary>
public static class CallerRights
{
    /// <summary>
    /// The organisation a caller's bookings belong to. Controllers book for the range they
    /// control and have none in the file, so their principal id stands in for it.
    /// </summary>
    public static string BookingOrganization(this Principal caller) => caller.Organization ?? caller.Id;

    public static bool Controls(this Principal caller, string rangeId) =>
        caller.Role == Role.Controller && caller.Ranges.Contains(rangeId, StringComparer.Ordinal);

    /// <summary>A booking the caller may not see is reported as not found, so its existence does not leak.</summary>
    public static bool MaySee(this Principal caller, Booking booking) => caller.Role switch
    {
        Role.Admin => true,
        Role.Controller => caller.Controls(booking.RangeId) || booking.OrganizationId == caller.BookingOrganization(),
        _ => booking.OrganizationId == caller.Organization,
    };

    /// <summary>Owners change their bookings; controllers change any booking on their ranges.</summary>
    public static bool MayChange(this Principal caller, Booking booking) => caller.Role switch
    {
        Role.Controller => caller.Controls(booking.RangeId),
        Role.Operator => booking.OrganizationId == caller.Organization,
        _ => false,
    };

    /// <summary>Controllers book, close and decide only on their own ranges.</summary>
    public static void EnsureControlsOrBooks(this Principal caller, string rangeId)
    {
        if (caller.Role == Role.Controller && !caller.Controls(rangeId))
        {
            throw StatusErrors.PermissionDenied($"controller {caller.Id} does not control range \"{rangeId}\"");
        }
    }

    /// <summary>For controller-only range operations (closures, decisions).</summary>
    public static void EnsureControls(this Principal caller, string rangeId)
    {
        if (!caller.Controls(rangeId))
        {
            throw StatusErrors.PermissionDenied($"{caller.Role.Name()} {caller.Id} does not control range \"{rangeId}\"");
        }
    }

    /// <summary>PRIORITY_HIGH pre-empts others' bookings and is for controllers only (contract <c>Priority</c>).</summary>
    public static void EnsureMayUse(this Principal caller, Priority priority)
    {
        if (priority == Priority.High && caller.Role != Role.Controller)
        {
            throw StatusErrors.PermissionDenied($"priority: PRIORITY_HIGH is for range controllers; {caller.Role.Name()} {caller.Id} may book NORMAL only");
        }
    }

    /// <summary>The authenticated caller of a method that needs one.</summary>
    public static Principal Caller(this Grpc.ServerCallContext context) =>
        context.GetPrincipal() ?? throw StatusErrors.Unauthenticated("this method needs an API key");
}
