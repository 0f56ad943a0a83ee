using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Slots;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Errors;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Storage;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Bookings;

/// <summary>GetBooking, ListBookings, CheckConflicts and FindSlots: answers that change nothing.</summary>
public sealed class BookingQueries(RangeDesk desk, IBookingStore store)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    public async Task<V1.Booking> GetAsync(Principal caller, V1.GetBookingRequest request, CancellationToken cancellationToken)
    {
        MappingErrors.ThrowIfEmpty(request.BookingId, "booking_id");
        return BookingMapping.ToContract(await BookingLookup.VisibleAsync(store, caller, request.BookingId, cancellationToken).ConfigureAwait(false));
    }

    public async Task<V1.ListBookingsResponse> ListAsync(Principal caller, V1.ListBookingsRequest request, CancellationToken cancellationToken)
    {
        var errors = new MappingErrors();
        var window = GeoMapping.ToFilter(request.Window, "window", errors);
        var states = request.States.Select((state, i) =>
            EnumMapping.Defined<V1.BookingState, BookingState>(state, $"states[{i}]", errors, allowUnspecified: false)).OfType<BookingState>().ToList();
        var after = BookingPageToken.TryParse(request.PageToken, out var position) ? position : ((DateTimeOffset, string)?)null;
        if (request.PageToken.Length > 0 && after is null)
        {
            errors.Add("page_token", "not a token from an earlier ListBookings response");
        }
        errors.ThrowIfAny();
        var limit = request.PageSize == 0 ? DefaultPageSize : (int)Math.Min(request.PageSize, MaxPageSize);
        var query = new BookingQuery(Ranges(caller, request.RangeId), Organization(caller, request.OrganizationId), window,
            states.Count > 0 ? states : null, request.VehicleId.Length > 0 ? request.VehicleId : null, after, limit + 1);
        var found = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var response = new V1.ListBookingsResponse();
        response.Bookings.Add(found.Take(limit).Select(BookingMapping.ToContract));
        if (found.Count > limit)
        {
            var last = found[limit - 1];
            response.NextPageToken = BookingPageToken.Format(last.Span.Start, last.Id);
        }
        return response;
    }

    public async Task<V1.CheckConflictsResponse> CheckAsync(Principal caller, V1.CheckConflictsRequest request, CancellationToken cancellationToken)
    {
        var wanted = BookingMapping.Request(caller, request.RangeId, request.Vehicles, request.Volumes, request.Priority, request.IgnoreBookingId);
        var outcome = await desk.ReadAsync(request.RangeId, (book, now) => book.Check(wanted, now, desk.Vehicles), cancellationToken).ConfigureAwait(false);
        var response = new V1.CheckConflictsResponse();
        response.Conflicts.Add(outcome.Conflicts.Select(ConflictMapping.ToContract));
        return response;
    }

    public async Task<V1.FindSlotsResponse> FindSlotsAsync(Principal caller, V1.FindSlotsRequest request, CancellationToken cancellationToken)
    {
        var slots = SlotMapping.ToDomain(request, caller.BookingOrganization());
        caller.EnsureControlsOrBooks(request.RangeId);
        caller.EnsureMayUse(slots.Priority);
        var found = await desk.ReadAsync(request.RangeId, (book, now) => book.FindSlots(slots, now, desk.Vehicles), cancellationToken).ConfigureAwait(false);
        var response = new V1.FindSlotsResponse();
        response.Starts.Add(found.Starts.Select(GeoMapping.ToContract));
        response.Blocking.Add(found.Blocking.Select(ConflictMapping.ToContract));
        return response;
    }

    /// <summary>Controllers see their ranges' bookings; everyone else any range, but only their organisation's bookings.</summary>
    private static IReadOnlyCollection<string>? Ranges(Principal caller, string rangeId)
    {
        if (caller.Role == Role.Controller)
        {
            if (rangeId.Length == 0)
            {
                return caller.Ranges;
            }
            caller.EnsureControls(rangeId);
        }
        return rangeId.Length == 0 ? null : [rangeId];
    }

    /// <summary>organization_id is a filter for controllers and administrators only (contract <c>ListBookingsRequest</c>).</summary>
    private static string? Organization(Principal caller, string organizationId)
    {
        if (caller.Role is Role.Controller or Role.Admin)
        {
            return organizationId.Length > 0 ? organizationId : null;
        }
        if (organizationId.Length > 0 && organizationId != caller.Organization)
        {
            throw StatusErrors.PermissionDenied($"organization_id: {caller.Role.Name()} {caller.Id} may list only its own organisation's bookings");
        }
        return caller.Organization;
    }
}
