using RangeScheduler.Domain.Bookings;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Bookings;

/// <summary>
/// Told of every change to a range's bookings and closures as it is decided, in the
/// range's order, while the <see cref="RangeDesk"/> still knows what changed: what other
/// processes changed since this one last decided, and what the decision itself wrote.
/// Called inside the range's turn (before the write is durable; a failed write makes the
/// desk rebuild the range), so it must be quick and must not call the desk.
/// </summary>
public interface IRangeChangeListener
{
    /// <param name="others">Null, or the changes of other processes the decision caught up with.</param>
    /// <param name="book">The range's book with the change applied; read it, never keep or change it.</param>
    void Changed(string rangeId, RangeBook book, RangeChanges? others, LedgerWrite written);
}
