namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The cell sizes of <see cref="BookingIndex"/>'s loose multi-level grid over (x, y, time).
/// A volume lives in exactly one cell: the one holding its lowest corner (west, south,
/// start), at the smallest spatial level whose cell is at least as wide and tall as its
/// envelope and the smallest time level whose cell is at least as long as its window. A
/// query then only has to look one cell further west, south and earlier than its own box
/// on each level, because nothing stored there is larger than a cell.
/// </summary>
/// <remarks>
/// The smallest cells (2 km, 4 h) are about as large as typical test slots (0.1–2 km,
/// 30 min–4 h): measured on a million such bookings, smaller cells make a query visit more
/// cells, and each cell visited costs a cache miss or two, while scanning the extra entries
/// of a larger cell is sequential and cheap (tools/RangeScheduler.Benchmarks, "conflicts").
/// Levels then grow by a factor of 4: few levels to visit, and a volume is never more than
/// 4 times smaller than its cell. The last level of each dimension holds everything larger
/// (whole-range footprints, windows of months), so every volume has a level.
/// </remarks>
internal static class GridLevels
{
    /// <summary>Spatial cell sizes in metres; the last one is larger than any footprint on Earth.</summary>
    private static readonly double[] CellMeters = [2_000, 8_000, 32_000, 128_000, 1e9];

    /// <summary>Time cell sizes in ticks; the last one is longer than any representable window.</summary>
    private static readonly long[] CellTicks =
    [
        4 * TimeSpan.TicksPerHour,
        16 * TimeSpan.TicksPerHour,
        64 * TimeSpan.TicksPerHour,
        256 * TimeSpan.TicksPerHour,
        1024 * TimeSpan.TicksPerHour,
        1L << 62,
    ];

    /// <summary>How many (spatial level, time level) pairs there are; each is a grid of its own.</summary>
    public static int PairCount => CellMeters.Length * CellTicks.Length;

    /// <summary>The grid for a volume of this envelope size (metres) and window length (ticks).</summary>
    public static int PairFor(double widthMeters, double heightMeters, long durationTicks)
    {
        var extent = Math.Max(widthMeters, heightMeters);
        var spatial = 0;
        while (spatial < CellMeters.Length - 1 && extent > CellMeters[spatial])
        {
            spatial++;
        }
        return spatial * CellTicks.Length + TimeLevelFor(durationTicks);
    }

    /// <summary>How many time levels there are (<see cref="SessionTimeline"/> uses them alone).</summary>
    public static int TimeLevelCount => CellTicks.Length;

    /// <summary>The smallest time level whose cell is at least <paramref name="durationTicks"/> long.</summary>
    public static int TimeLevelFor(long durationTicks)
    {
        var level = 0;
        while (level < CellTicks.Length - 1 && durationTicks > CellTicks[level])
        {
            level++;
        }
        return level;
    }

    public static long CellTicksAt(int timeLevel) => CellTicks[timeLevel];

    public static double CellMetersOf(int pair) => CellMeters[pair / CellTicks.Length];

    public static long CellTicksOf(int pair) => CellTicks[pair % CellTicks.Length];

    public static int SpatialLevelOf(int pair) => pair / CellTicks.Length;

    /// <summary>How many spatial levels there are.</summary>
    public static int SpatialLevelCount => CellMeters.Length;

    public static double CellMetersAt(int spatialLevel) => CellMeters[spatialLevel];

    /// <summary>The cell of an instant, floored so that instants before the epoch still sort correctly.</summary>
    public static long TimeIndex(long ticks, long cellTicks) =>
        ticks >= 0 ? ticks / cellTicks : -((-ticks + cellTicks - 1) / cellTicks);
}
