using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// One blocker of one requested volume (or of the whole request), before the detector joins
/// them into <see cref="Conflict"/>s. <see cref="Busy"/> is when the blocker stands in the
/// way, independent of the request's own window, which is what a slot search sweeps over.
/// </summary>
/// <param name="Conflict">As reported to a booking check; its overlap is the checked window ∩ <paramref name="Busy"/>.</param>
/// <param name="Busy">
/// When the blocker blocks: a booking's window widened by the time buffer, a closure's
/// window, a zone's active hours, closed hours, an over-capacity period. Null: at all times
/// (outside the range, a vehicle kind not allowed, a zone always in force). Relative to the
/// volume of <c>Conflict.VolumeIndex</c>, or to the request's session when that is unset.
/// </param>
/// <param name="PreemptableBookingId">The blocking booking, when a HIGH-priority request would pre-empt it instead.</param>
internal readonly record struct Finding(Conflict Conflict, TimeWindow? Busy, string? PreemptableBookingId = null);
