namespace RangeScheduler.Domain.Ranges;

/// <summary>
/// A weekly period in a range's local time: ISO day (1 = Monday … 7 = Sunday) and minutes
/// after local midnight, end exclusive, end ≤ 1440. Windows do not cross midnight.
/// </summary>
public readonly record struct WeeklyWindow(int IsoDayOfWeek, int StartMinute, int EndMinute);
