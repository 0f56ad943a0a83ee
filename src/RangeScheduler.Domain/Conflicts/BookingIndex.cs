using NetTopologySuite.Geometries;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The space-holding volumes of one range, indexed over (footprint envelope × band × window)
/// so that a check touches only nearby bookings (DESIGN.md, "Booking", "Index"). A loose
/// multi-level grid (<see cref="GridLevels"/>): each volume sits in one cell of one grid, so
/// adding and removing cost O(1); a query visits, on every grid that holds anything, the
/// cells its box can reach, or scans that grid's few volumes when that is cheaper. The cost
/// grows with the volumes near the query, not with the volumes of the range.
/// Each grid is a hash of time cells, each a <see cref="TimeSlab"/> of spatial cells laid
/// directly over the range. Not thread-safe: the range's lock guards it, as it guards
/// <c>RangeBook</c>.
/// </summary>
internal sealed class BookingIndex
{
    private readonly SpatialGrid[] _grids = new SpatialGrid[GridLevels.SpatialLevelCount];
    private readonly Dictionary<long, TimeSlab>[] _slabs = new Dictionary<long, TimeSlab>[GridLevels.PairCount];
    private readonly SlotList[] _members = new SlotList[GridLevels.PairCount];
    private readonly Dictionary<string, int[]> _slotsByBooking = new(StringComparer.Ordinal);
    private readonly Stack<int> _freeSlots = new();
    private Slot[] _slots = new Slot[64];
    private int _slotsUsed;

    /// <summary>Scratch for <see cref="ScanCells"/>: the non-empty cells a query visits.</summary>
    private readonly List<(GridCell[] Columns, int Column)> _visited = [];

    /// <param name="extent">The range's extent on its plane (its boundary's envelope), over which the grids are laid.</param>
    public BookingIndex(Envelope extent)
    {
        for (var level = 0; level < _grids.Length; level++)
        {
            _grids[level] = new SpatialGrid(extent, GridLevels.CellMetersAt(level));
        }
        for (var pair = 0; pair < _slabs.Length; pair++)
        {
            _slabs[pair] = [];
            _members[pair] = new SlotList();
        }
    }

    /// <summary>Bookings indexed.</summary>
    public int BookingCount => _slotsByBooking.Count;

    /// <summary>Volumes indexed.</summary>
    public int VolumeCount => _slotsUsed - _freeSlots.Count;

    /// <summary>Indexes every volume of one booking; the booking must not be indexed yet.</summary>
    public void Add(IReadOnlyList<BookedVolume> volumes)
    {
        if (volumes.Count == 0)
        {
            return;
        }
        var bookingId = volumes[0].BookingId;
        if (_slotsByBooking.ContainsKey(bookingId))
        {
            throw new InvalidOperationException($"Booking \"{bookingId}\" is indexed already; remove it first.");
        }
        var slots = new int[volumes.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = Insert(volumes[i]);
        }
        _slotsByBooking.Add(bookingId, slots);
    }

    /// <summary>Drops every volume of the booking; false when it was not indexed.</summary>
    public bool Remove(string bookingId)
    {
        if (!_slotsByBooking.Remove(bookingId, out var slots))
        {
            return false;
        }
        foreach (var slot in slots)
        {
            Delete(slot);
        }
        return true;
    }

    /// <summary>
    /// Adds to <paramref name="into"/> every indexed volume whose envelope and band meet the
    /// query's (closed) and whose window overlaps its window (half-open), and possibly a few
    /// more: the stored boxes are rounded outwards to floats and whole seconds
    /// (<see cref="IndexEntry"/>), so callers test what they find exactly. Allocates nothing
    /// unless <paramref name="into"/> has to grow.
    /// </summary>
    public void Query(in IndexQuery query, List<BookedVolume> into)
    {
        for (var pair = 0; pair < _slabs.Length; pair++)
        {
            var members = _members[pair];
            if (members.Count == 0)
            {
                continue;
            }
            var grid = _grids[GridLevels.SpatialLevelOf(pair)];
            var cellTicks = GridLevels.CellTicksOf(pair);
            // Nothing on this grid is larger than a cell, so a volume meeting the query has its
            // lowest corner at most one cell below the query's lowest corner.
            var cells = new CellRange(
                grid.Column(query.MinX - grid.CellMeters), grid.Column(query.MaxX),
                grid.Row(query.MinY - grid.CellMeters), grid.Row(query.MaxY),
                GridLevels.TimeIndex(query.StartTicks - cellTicks, cellTicks), GridLevels.TimeIndex(query.EndTicks, cellTicks));
            if (members.Count <= cells.Count)
            {
                ScanMembers(members, query, into);
            }
            else
            {
                ScanCells(_slabs[pair], cells, query, into);
            }
        }
    }

    private void ScanMembers(SlotList members, in IndexQuery query, List<BookedVolume> into)
    {
        foreach (var slot in members.Items)
        {
            ref readonly var record = ref _slots[slot];
            if (record.Slab!.Row(record.Row)![record.Column][record.CellPosition].Meets(query))
            {
                into.Add(record.Volume!);
            }
        }
    }

    private void ScanCells(Dictionary<long, TimeSlab> slabs, in CellRange cells, in IndexQuery query, List<BookedVolume> into)
    {
        _visited.Clear();
        for (var time = cells.FirstTime; time <= cells.LastTime; time++)
        {
            if (!slabs.TryGetValue(time, out var slab))
            {
                continue;
            }
            for (var row = cells.FirstRow; row <= cells.LastRow; row++)
            {
                if (slab.Row(row) is not { } columns)
                {
                    continue;
                }
                for (var column = cells.FirstColumn; column <= cells.LastColumn; column++)
                {
                    if (columns[column].Count > 0)
                    {
                        _visited.Add((columns, column));
                    }
                }
            }
        }
        Prefetch.Cells(_visited);
        foreach (var (columns, column) in _visited)
        {
            ref readonly var cell = ref columns[column];
            var entries = cell.Entries;
            for (var position = 0; position < entries.Length; position++)
            {
                if (entries[position].Meets(query))
                {
                    into.Add(cell.VolumeAt(position));
                }
            }
        }
    }

    private int Insert(BookedVolume volume)
    {
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : NewSlot();
        // Cells are chosen on the exact bounds; the entry's rounded box only serves the scan.
        var envelope = volume.Footprint.Envelope;
        var window = volume.Window;
        var pair = GridLevels.PairFor(envelope.Width, envelope.Height, window.End.UtcTicks - window.Start.UtcTicks);
        var grid = _grids[GridLevels.SpatialLevelOf(pair)];
        var timeCell = GridLevels.TimeIndex(window.Start.UtcTicks, GridLevels.CellTicksOf(pair));
        if (!_slabs[pair].TryGetValue(timeCell, out var slab))
        {
            slab = new TimeSlab(timeCell, grid.Rows, grid.Columns);
            _slabs[pair].Add(timeCell, slab);
        }
        var (row, column) = (grid.Row(envelope.MinY), grid.Column(envelope.MinX));
        slab.Count++;
        _slots[slot] = new Slot
        {
            Volume = volume,
            Slab = slab,
            Row = row,
            Column = column,
            CellPosition = slab.Cell(row, column).Add(IndexEntry.Of(envelope, volume.Vertical, window, slot), volume),
            Pair = pair,
            PairPosition = _members[pair].Add(slot),
        };
        return slot;
    }

    private void Delete(int slot)
    {
        ref var record = ref _slots[slot];
        var slab = record.Slab!;
        var movedInCell = slab.Cell(record.Row, record.Column).RemoveAt(record.CellPosition);
        if (movedInCell >= 0)
        {
            _slots[movedInCell].CellPosition = record.CellPosition;
        }
        if (--slab.Count == 0)
        {
            _slabs[record.Pair].Remove(slab.TimeCell);
        }
        var movedInPair = _members[record.Pair].RemoveAt(record.PairPosition);
        if (movedInPair >= 0)
        {
            _slots[movedInPair].PairPosition = record.PairPosition;
        }
        record = default;
        _freeSlots.Push(slot);
    }

    private int NewSlot()
    {
        if (_slotsUsed == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }
        return _slotsUsed++;
    }

    /// <summary>Where one indexed volume is, so that it can be removed without a search.</summary>
    private struct Slot
    {
        public BookedVolume? Volume;
        public TimeSlab? Slab;
        public int Row;
        public int Column;
        public int CellPosition;
        public int Pair;
        public int PairPosition;
    }

    /// <summary>The cells of one grid a query visits, inclusive.</summary>
    private readonly record struct CellRange(int FirstColumn, int LastColumn, int FirstRow, int LastRow, long FirstTime, long LastTime)
    {
        public double Count => (double)(LastColumn - FirstColumn + 1) * (LastRow - FirstRow + 1) * (LastTime - FirstTime + 1);
    }
}
