namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The volumes of one grid cell, in no order: their boxes, scanned by every query that visits
/// the cell, and beside them the volumes themselves, read only for the boxes that meet the
/// query. A struct held in its <see cref="TimeSlab"/>'s row, so that visiting a cell costs
/// one read of its entries rather than another object's first. Removal swaps the last entry
/// into the gap, so the caller must update that entry's recorded position (see <see cref="RemoveAt"/>).
/// </summary>
internal struct GridCell
{
    private IndexEntry[]? _entries;
    private BookedVolume?[]? _volumes;

    public int Count { get; private set; }

    public readonly ReadOnlySpan<IndexEntry> Entries => _entries.AsSpan(0, Count);

    public readonly ref readonly IndexEntry this[int position] => ref _entries![position];

    /// <summary>The volume whose box is at <paramref name="position"/> of <see cref="Entries"/>.</summary>
    public readonly BookedVolume VolumeAt(int position) => _volumes![position]!;

    /// <summary>Adds the volume with its box and returns its position.</summary>
    public int Add(in IndexEntry entry, BookedVolume volume)
    {
        if (_entries is null || _volumes is null)
        {
            _entries = new IndexEntry[4];
            _volumes = new BookedVolume[4];
        }
        else if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count * 2);
            Array.Resize(ref _volumes, Count * 2);
        }
        _entries[Count] = entry;
        _volumes[Count] = volume;
        return Count++;
    }

    /// <summary>
    /// Removes the entry at <paramref name="position"/>; returns the slot of the entry moved into
    /// it, or -1 when none moved. An emptied cell lets go of its arrays.
    /// </summary>
    public int RemoveAt(int position)
    {
        Count--;
        if (Count == 0)
        {
            _entries = null;
            _volumes = null;
            return -1;
        }
        var moved = -1;
        if (position != Count)
        {
            _entries![position] = _entries[Count];
            _volumes![position] = _volumes[Count];
            moved = _entries[position].Slot;
        }
        _volumes![Count] = null;
        return moved;
    }
}
