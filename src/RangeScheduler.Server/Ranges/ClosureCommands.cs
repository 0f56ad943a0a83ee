using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Errors;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Server.Paging;
using RangeScheduler.Storage;
using RangeScheduler.Telemetry;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Ranges;

/// <summary>
/// Closures: a controller closes part of a range for a while. Bookings it overlaps are
/// cancelled (reason CLOSURE) when asked and not yet active, otherwise kept, and their
/// owners told either way (contract <c>CreateClosureRequest</c>). Range watchers see every
/// closure made and deleted (a deleted one with an empty window).
/// </summary>
public sealed class ClosureCommands(IRangeStore ranges, IBookingStore store, RangeDesk desk, BookingEventHub events, IRangeBus bus, TimeProvider time)
{
    private const string PageTokenList = "closures";

    public async Task<V1.CreateClosureResponse> CreateAsync(Principal caller, V1.CreateClosureRequest request, CancellationToken cancellationToken)
    {
        var closure = ClosureMapping.ToDomain(request.Closure, BookingIds.NewClosureId(), "closure");
        caller.EnsureControls(closure.RangeId);
        var (cancelled, kept) = await desk.DecideAsync(closure.RangeId, (book, now) =>
        {
            ClosureValidator.Validate(closure, book.Plane, now, "closure");
            var affected = book.AffectedBy(closure);
            var cancel = request.CancelAffected ? affected.Where(b => b.State != BookingState.Active).ToList() : [];
            var cancelledNow = cancel.Select(b => BookingLifecycle.Transition(b, BookingState.Cancelled, StateReason.Closure,
                $"cancelled by closure {closure.Id}: {closure.Reason}", now)).ToList();
            var keptIds = affected.Except(cancel).ToList();
            return new LedgerDecision<(List<Booking>, List<Booking>)>(new LedgerWrite(cancelledNow, [closure], [], []), (cancelledNow, keptIds));
        }, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        cancelled.ForEach(b => events.Publish(b, V1.BookingChange.Cancelled, now));
        kept.ForEach(b => events.Publish(b, V1.BookingChange.ClosureOverlap, now));
        var response = new V1.CreateClosureResponse { Closure = ClosureMapping.ToContract(closure) };
        bus.Publish(closure.RangeId, new V1.RangeEvent { Time = GeoMapping.ToContract(now), Closure = response.Closure.Clone() });
        response.AffectedBookingIds.Add(cancelled.Concat(kept).Select(b => b.Id));
        return response;
    }

    /// <summary>Closures overlapping the window, or not yet ended when it is unset, ordered by id; every range when range_id is empty.</summary>
    public async Task<V1.ListClosuresResponse> ListAsync(V1.ListClosuresRequest request, CancellationToken cancellationToken)
    {
        var errors = new MappingErrors();
        var window = GeoMapping.ToFilter(request.Window, "window", errors);
        errors.ThrowIfAny();
        var rangeIds = request.RangeId.Length > 0
            ? [request.RangeId]
            : (await ranges.ListAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.Id).ToList();
        if (request.RangeId.Length > 0 && await ranges.GetAsync(request.RangeId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new NotFoundException("range", request.RangeId);
        }
        var now = time.GetUtcNow();
        var matching = new List<Closure>();
        foreach (var rangeId in rangeIds)
        {
            var closures = await store.ListClosuresAsync(rangeId, cancellationToken).ConfigureAwait(false);
            matching.AddRange(closures.Where(c => window is { } w ? c.Window.Overlaps(w) : c.Window.End > now));
        }
        matching.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var page = KeysetPage.Take(matching, c => c.Id, PageTokenList, request.PageSize, request.PageToken)
            ?? throw StatusErrors.InvalidArgument(new FieldViolation("page_token", "not a token from an earlier ListClosures response"));
        var response = new V1.ListClosuresResponse { NextPageToken = page.NextPageToken };
        response.Closures.Add(page.Items.Select(ClosureMapping.ToContract));
        return response;
    }

    public async Task<V1.DeleteClosureResponse> DeleteAsync(Principal caller, V1.DeleteClosureRequest request, CancellationToken cancellationToken)
    {
        MappingErrors.ThrowIfEmpty(request.ClosureId, "closure_id");
        var closure = await store.GetClosureAsync(request.ClosureId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("closure", request.ClosureId);
        caller.EnsureControls(closure.RangeId);
        await desk.DecideAsync(closure.RangeId, (_, _) => new LedgerDecision<bool>(new LedgerWrite([], [], [closure.Id], []), true), cancellationToken).ConfigureAwait(false);
        var deleted = ClosureMapping.ToContract(closure);
        deleted.Window = new V1.TimeWindow();
        bus.Publish(closure.RangeId, new V1.RangeEvent { Time = GeoMapping.ToContract(time.GetUtcNow()), Closure = deleted });
        return new V1.DeleteClosureResponse();
    }
}
