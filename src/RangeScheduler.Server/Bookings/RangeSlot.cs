using RangeScheduler.Domain.Bookings;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Bookings;

/// <summary>
/// A range's book and the change sequence of the store it reflects. Used only under the
/// range's ledger, but for the book's plane, which never changes (<see cref="RangeDesk.PlaneAsync"/>).
/// </summary>
internal sealed class RangeSlot(RangeBook book, long sequence)
{
    public RangeBook Book { get; } = book;

    private long _sequence = sequence;

    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>Changes other processes made; applying one twice does no harm, as bookings and closures are put whole.</summary>
    public void Apply(RangeChanges changes, VehicleCalendar vehicles)
    {
        Apply(changes.Bookings, changes.AddedClosures, changes.RemovedClosureIds, vehicles);
        Advance(changes.Sequence);
    }

    public void Apply(LedgerWrite write, VehicleCalendar vehicles) =>
        Apply(write.Bookings, write.AddedClosures, write.RemovedClosureIds, vehicles);

    /// <summary>Moves forward only: a decision's answer may arrive after the next decision has already caught up further.</summary>
    public void Advance(long sequence)
    {
        var known = Interlocked.Read(ref _sequence);
        while (sequence > known)
        {
            var seen = Interlocked.CompareExchange(ref _sequence, sequence, known);
            if (seen == known)
            {
                return;
            }
            known = seen;
        }
    }

    private void Apply(IEnumerable<Booking> bookings, IEnumerable<Domain.Ranges.Closure> added, IEnumerable<string> removed, VehicleCalendar vehicles)
    {
        foreach (var booking in bookings)
        {
            Book.Put(booking);
            vehicles.Put(booking);
        }
        foreach (var closure in added)
        {
            Book.PutClosure(closure);
        }
        foreach (var closureId in removed)
        {
            Book.RemoveClosure(closureId);
        }
    }
}
