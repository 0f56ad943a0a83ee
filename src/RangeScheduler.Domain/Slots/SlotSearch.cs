using RangeScheduler.Domain.Conflicts;

namespace RangeScheduler.Domain.Slots;

/// <summary>The answer to a slot search.</summary>
/// <param name="Starts">Free starts, ascending, at most the number asked for.</param>
/// <param name="Blocking">
/// When fewer starts than asked were found: what blocks the rest of the search window, one
/// conflict per (volume, blocker), its overlap the time the blocker holds within the search.
/// </param>
public sealed record SlotSearch(IReadOnlyList<DateTimeOffset> Starts, IReadOnlyList<Conflict> Blocking);
