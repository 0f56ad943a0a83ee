namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The volumes of one grid cell, in no order. Removal swaps the last entry into the gap,
/// so the caller must update that entry's recorded position (see <see cref="RemoveAt"/>).
/// </summary>
internal sealed class GridCell(TimeSlab slab, int row, int column)
{
    private IndexEntry[] _entries = new IndexEntry[4];

    /// <summary>Where the cell is, so that it can be dropped when it empties.</summary>
    public TimeSlab Slab { get; } = slab;

    public int Row { get; } = row;

    public int Column { get; } = column;

    public int Count { get; private set; }

    public ReadOnlySpan<IndexEntry> Entries => _entries.AsSpan(0, Count);

    public ref readonly IndexEntry this[int position] => ref _entries[position];

    /// <summary>Adds the entry and returns its position.</summary>
    public int Add(in IndexEntry entry)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count * 2);
        }
        _entries[Count] = entry;
        return Count++;
    }

    /// <summary>Removes the entry at <paramref name="position"/>; returns the slot of the entry moved into it, or -1 when none moved.</summary>
    public int RemoveAt(int position)
    {
        Count--;
        if (position == Count)
        {
            return -1;
        }
        _entries[position] = _entries[Count];
        return _entries[position].Slot;
    }
}
