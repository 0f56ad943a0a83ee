using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// PROXIMITY between vehicles of different bookings (DESIGN.md, "Telemetry and conformance"),
/// over a uniform grid of the latest positions with cells as wide as the horizontal
/// separation: a vehicle can only be too close to vehicles in its own and the eight
/// neighbouring cells, so a fix costs its neighbours, not every vehicle on the range.
/// </summary>
internal sealed class ProximityMonitor(Episodes episodes)
{
    private const double Margin = RangeConformance.HysteresisMeters;

    private readonly Dictionary<long, List<VehicleTrack>> _cells = new(CellKeyComparer.Instance);
    // A cell's list once it emptied, for the next cell entered: a swarm crosses thousands a second.
    private readonly Stack<List<VehicleTrack>> _spareCells = new();
    private readonly List<VehicleTrack> _apart = [];
    private Separation _separation;
    private TimeSpan _freshness;

    /// <summary>How many cells of the grid hold a vehicle; only they are kept.</summary>
    internal int OccupiedCells => _cells.Count;

    /// <summary>A new range version: new separation, new cells, new plane coordinates.</summary>
    public void UpdateRange(TestRange range, IEnumerable<VehicleTrack> tracks)
    {
        (_separation, _freshness) = (range.Separation, range.LinkTimeout);
        foreach (var track in tracks)
        {
            track.CellSlot = -1;
        }
        _cells.Clear();
        foreach (var track in tracks.Where(t => t.HasFix))
        {
            Place(track);
        }
    }

    /// <summary>After a vehicle's latest fix moved: ends the pairs it left and starts the ones it entered.</summary>
    public void Moved(VehicleTrack track, ConformanceOutcome outcome)
    {
        Place(track);
        if (track.Proximities is { Count: > 0 } pairs)
        {
            _apart.Clear();
            foreach (var other in pairs.Keys)
            {
                if (Apart(track, other))
                {
                    _apart.Add(other);
                }
            }
            foreach (var other in _apart)
            {
                episodes.Resolve(track, pairs[other], track.Latest, outcome, other);
                episodes.Resolve(other, other.Proximities![track], other.Latest with { Time = track.Latest.Time }, outcome, track);
            }
        }
        if (track.CellSlot < 0)
        {
            return;
        }
        var (column, row) = CellOf(track.X, track.Y);
        for (var dx = -1L; dx <= 1; dx++)
        {
            for (var dy = -1L; dy <= 1; dy++)
            {
                if (_cells.TryGetValue(Key(column + dx, row + dy), out var neighbours))
                {
                    foreach (var other in neighbours)
                    {
                        RaiseIfClose(track, other, outcome);
                    }
                }
            }
        }
    }

    public void Remove(VehicleTrack track)
    {
        if (track.CellSlot < 0)
        {
            return;
        }
        var cell = _cells[track.Cell];
        var last = cell[^1];
        cell[track.CellSlot] = last;
        last.CellSlot = track.CellSlot;
        cell.RemoveAt(cell.Count - 1);
        track.CellSlot = -1;
        if (cell.Count == 0)
        {
            // Kept, empty cells would grow the grid by every cell a vehicle ever crossed: over a
            // 20 km sea range of 10 m cells, millions in a day's swarm.
            _cells.Remove(track.Cell);
            _spareCells.Push(cell);
        }
    }

    private void RaiseIfClose(VehicleTrack track, VehicleTrack other, ConformanceOutcome outcome)
    {
        if (other.Booking == track.Booking || track.Proximities?.ContainsKey(other) == true)
        {
            return;
        }
        var (distance, vertical) = Distances(track, other);
        var verticalClose = vertical is not { } v || _separation.VerticalMeters <= 0 || v < _separation.VerticalMeters;
        if (distance < _separation.HorizontalMeters && verticalClose && Fresh(track, other))
        {
            var at = track.Latest;
            episodes.Raise(track, AlertKind.Proximity, at, distance,
                AlertText.Proximity(distance, other.Booking.Booking.Id, other.VehicleId, _separation.HorizontalMeters), outcome, other: other);
            episodes.Raise(other, AlertKind.Proximity, other.Latest with { Time = at.Time }, distance,
                AlertText.Proximity(distance, track.Booking.Booking.Id, track.VehicleId, _separation.HorizontalMeters), outcome, other: track);
        }
    }

    /// <summary>Apart by the margin horizontally or vertically, or one fix too old to compare with the other.</summary>
    private bool Apart(VehicleTrack track, VehicleTrack other)
    {
        if (_separation.HorizontalMeters <= 0 || !Fresh(track, other))
        {
            return true;
        }
        var (distance, vertical) = Distances(track, other);
        return distance >= _separation.HorizontalMeters + Margin ||
            vertical is { } v && _separation.VerticalMeters > 0 && v >= _separation.VerticalMeters + Margin;
    }

    private bool Fresh(VehicleTrack track, VehicleTrack other) => (track.Latest.Time - other.Latest.Time).Duration() <= _freshness;

    /// <summary>Horizontal metres on the plane, and vertical metres when both heights are known.</summary>
    private static (double Horizontal, double? Vertical) Distances(VehicleTrack a, VehicleTrack b)
    {
        var (dx, dy) = (a.X - b.X, a.Y - b.Y);
        var vertical = a.Latest.HeightMeters is { } ha && b.Latest.HeightMeters is { } hb ? Math.Abs(ha - hb) : (double?)null;
        return (Math.Sqrt(dx * dx + dy * dy), vertical);
    }

    /// <summary>Puts the track in the cell of its latest position; without a separation nobody is placed.</summary>
    private void Place(VehicleTrack track)
    {
        if (_separation.HorizontalMeters <= 0)
        {
            return;
        }
        var (column, row) = CellOf(track.X, track.Y);
        var key = Key(column, row);
        if (track.CellSlot >= 0 && track.Cell == key)
        {
            return;
        }
        Remove(track);
        if (!_cells.TryGetValue(key, out var cell))
        {
            _cells[key] = cell = _spareCells.TryPop(out var spare) ? spare : [];
        }
        track.Cell = key;
        track.CellSlot = cell.Count;
        cell.Add(track);
    }

    private (long Column, long Row) CellOf(double x, double y) =>
        ((long)Math.Floor(x / _separation.HorizontalMeters), (long)Math.Floor(y / _separation.HorizontalMeters));

    private static long Key(long column, long row) => (column << 32) ^ (row & 0xFFFF_FFFF);

    /// <summary>
    /// long.GetHashCode folds a key's halves together with XOR, which for <see cref="Key"/> is
    /// column ^ row: a 6 km square of 10 m cells had 1,024 distinct hash codes for its 360,000
    /// cells, and every look-up walked a long collision chain. Fibonacci hashing (multiply by
    /// 2^64 / φ, keep the high half) lets every bit of both halves reach the hash.
    /// </summary>
    private sealed class CellKeyComparer : IEqualityComparer<long>
    {
        public static readonly CellKeyComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E37_79B9_7F4A_7C15UL) >> 32);
    }
}
