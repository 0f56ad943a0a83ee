using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Slots;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Bookings;

/// <summary>
/// The in-memory state of one range (docs/booking-engine.md): its definition, closures and
/// the bookings that hold space, indexed so that checks, slot searches and closure impacts
/// touch only what is near. Built from the store at start-up and kept in step with it.
/// Not thread-safe: callers hold the range's lock (DESIGN.md, "Booking", "Serialisation").
/// </summary>
public sealed class RangeBook
{
    private readonly RangeState _state;
    private readonly ConflictDetector _detector;
    private readonly SlotFinder _slots;
    private readonly Dictionary<string, Booking> _bookings = new(StringComparer.Ordinal);

    /// <param name="bookings">Bookings of the range in any state; only those that hold space are kept.</param>
    public RangeBook(TestRange range, IEnumerable<Closure> closures, IEnumerable<Booking> bookings)
    {
        _state = new RangeState(new RangeRules(range));
        _detector = new ConflictDetector(_state);
        _slots = new SlotFinder(_state, _detector);
        foreach (var closure in closures)
        {
            PutClosure(closure);
        }
        foreach (var booking in bookings)
        {
            Put(booking);
        }
    }

    public TestRange Range => _state.Rules.Range;

    /// <summary>Fixed for the book's life, so it may be read without the range's lock (<see cref="PreparedRequest"/>).</summary>
    public RangePlane Plane => _state.Rules.Plane;

    public IReadOnlyCollection<Closure> Closures => _state.Closures.Values.Select(c => c.Closure).ToList();

    /// <summary>Bookings that hold space (PENDING_APPROVAL, CONFIRMED, ACTIVE).</summary>
    public int BookingCount => _bookings.Count;

    /// <summary>The bookings held: those that hold space.</summary>
    public IEnumerable<Booking> Bookings => _bookings.Values;

    /// <summary>The space-holding volumes' index, for benchmarks that time it alone.</summary>
    internal BookingIndex Index => _state.Bookings;

    /// <summary>A booking that holds space on this range; null for any other (unknown, completed, cancelled, rejected).</summary>
    public Booking? Find(string bookingId) => _bookings.GetValueOrDefault(bookingId);

    /// <summary>
    /// Validates the request (<see cref="InvalidRequestException"/> listing every offending
    /// field), then finds every conflict. For HIGH priority, NORMAL bookings not yet ACTIVE
    /// that conflict are listed in <see cref="CheckOutcome.Preempted"/> instead.
    /// </summary>
    public CheckOutcome Check(BookingRequest request, DateTimeOffset now, VehicleCalendar vehicles)
    {
        var footprints = BookingRequestValidator.ValidateAndProject(request, Plane, now);
        return _detector.Check(Probe.Of(request, footprints), vehicles);
    }

    /// <summary>
    /// <see cref="Check(BookingRequest, DateTimeOffset, VehicleCalendar)"/> for a request
    /// prepared before the range's turn; validated and projected afresh when the preparation
    /// no longer holds (a new definition of the range, or time moved a window out of reach).
    /// </summary>
    public CheckOutcome Check(PreparedRequest prepared, DateTimeOffset now, VehicleCalendar vehicles) =>
        prepared.HoldsFor(Plane, now) ? _detector.Check(prepared.Probe, vehicles) : Check(prepared.Request, now, vehicles);

    /// <summary>
    /// Up to <paramref name="count"/> nearest starts, at or after the request's earliest start,
    /// at which the whole request, every volume moved by the same amount, is free
    /// (Rejection.suggested_starts): the first start of each free run, earliest first.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> SuggestStarts(BookingRequest request, DateTimeOffset now, VehicleCalendar vehicles, int count = 3)
    {
        BookingRequestValidator.Validate(request, Plane, now);
        return _slots.Suggest(request, now, vehicles, count);
    }

    /// <summary>FindSlots (contract <c>FindSlotsRequest</c>); <see cref="InvalidRequestException"/> for a malformed request.</summary>
    public SlotSearch FindSlots(SlotRequest request, DateTimeOffset now, VehicleCalendar vehicles) =>
        _slots.Find(request, now, vehicles);

    /// <summary>Indexes the booking while its state holds space and drops it otherwise; replaces an earlier version.</summary>
    public void Put(Booking booking)
    {
        Remove(booking.Id);
        if (!booking.State.HoldsSpace() || booking.Volumes.Count == 0)
        {
            return;
        }
        _state.Bookings.Add(BookedVolume.Of(booking, Plane));
        _state.Sessions.Put(booking.Id, booking.Span);
        _bookings.Add(booking.Id, booking);
    }

    /// <summary>Forgets the booking; nothing happens when it is not held.</summary>
    public void Remove(string bookingId)
    {
        if (_bookings.Remove(bookingId))
        {
            _state.Bookings.Remove(bookingId);
            _state.Sessions.Remove(bookingId);
        }
    }

    /// <summary>Adds the closure, or replaces the one with its id.</summary>
    public void PutClosure(Closure closure) =>
        _state.Closures[closure.Id] = new PlanarClosure(closure, closure.Footprint is null ? null : Plane.Project(closure.Footprint));

    public void RemoveClosure(string closureId) => _state.Closures.Remove(closureId);

    /// <summary>
    /// The bookings holding space that the closure overlaps in time, height and footprint and
    /// concerns by vehicle kind (CreateClosure's affected_booking_ids), ordered by id.
    /// </summary>
    public IReadOnlyList<Booking> AffectedBy(Closure closure) =>
        ClosureImpact.Affected(_state, new PlanarClosure(closure, closure.Footprint is null ? null : Plane.Project(closure.Footprint)));

    /// <summary>
    /// The bookings holding space that <paramref name="newDefinition"/> would put in conflict
    /// where this definition did not (UpsertRange's affected_booking_ids): a smaller boundary
    /// or vertical limits, shorter hours, a wider separation, a lower session limit, a new
    /// exclusion zone, vehicle kinds no longer allowed. Ordered by id.
    /// </summary>
    public IReadOnlyList<Booking> BrokenBy(TestRange newDefinition)
    {
        var changed = new RangeBook(newDefinition, Closures, _bookings.Values);
        return DefinitionImpact.Broken(this, changed);
    }

    /// <summary>The booking's conflicts on this book as if it were requested again, for <see cref="DefinitionImpact"/>.</summary>
    internal IReadOnlyList<Conflict> ConflictsOf(Booking booking, VehicleCalendar vehicles)
    {
        var request = new BookingRequest(booking.OrganizationId, booking.Vehicles, booking.Volumes, booking.Priority, booking.Id);
        return _detector.Check(Probe.Of(request, Plane), vehicles).Conflicts;
    }
}
