namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The cells of one grid of <see cref="BookingIndex"/> for one time cell: a spatial grid over
/// the range, indexed directly rather than hashed, so a query reads neighbouring cells from
/// neighbouring memory. Rows are allocated on first use, so a sparse slab stays small.
/// </summary>
internal sealed class TimeSlab(long timeCell, int rows, int columns)
{
    private readonly GridCell[]?[] _rows = new GridCell[rows][];

    public long TimeCell { get; } = timeCell;

    /// <summary>Volumes in the slab's cells.</summary>
    public int Count { get; set; }

    /// <summary>The cells of a row, or null when none was ever used.</summary>
    public GridCell[]? Row(int row) => _rows[row];

    /// <summary>The cell itself, to add to or remove from; its row is made on first use.</summary>
    public ref GridCell Cell(int row, int column) => ref (_rows[row] ??= new GridCell[columns])[column];
}
