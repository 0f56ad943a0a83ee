using NetTopologySuite.Geometries;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The box of one indexed volume, stored inline in its cell so that a query tests a cell's
/// volumes by reading memory in order instead of following a reference per volume. Kept
/// small (36 bytes) because scanning entries is what a query mostly does: metres on the
/// range's plane and metres AMSL as floats, seconds as ints, every bound rounded outwards,
/// so the box only ever grows and the test stays a superset of the exact one.
/// </summary>
internal struct IndexEntry
{
    public float MinX;
    public float MinY;
    public float MaxX;
    public float MaxY;
    public float Lower;
    public float Upper;
    public int Start;
    public int End;
    public int Slot;

    /// <summary>
    /// Closed in space and height, half-open in time, on the rounded bounds: true for every
    /// volume that could conflict; the detector then decides exactly.
    /// </summary>
    public readonly bool Meets(in IndexQuery query) =>
        MinX <= query.MaxX && query.MinX <= MaxX
        && MinY <= query.MaxY && query.MinY <= MaxY
        && Start < query.End && query.Start < End
        && Lower <= query.Upper && query.Lower <= Upper;

    public static IndexEntry Of(Envelope envelope, VerticalBand band, TimeWindow window, int slot) => new()
    {
        MinX = Outwards.Down(envelope.MinX),
        MinY = Outwards.Down(envelope.MinY),
        MaxX = Outwards.Up(envelope.MaxX),
        MaxY = Outwards.Up(envelope.MaxY),
        Lower = Outwards.Down(band.LowerMeters),
        Upper = Outwards.Up(band.UpperMeters),
        Start = Outwards.SecondsDown(window.Start),
        End = Outwards.SecondsUp(window.End),
        Slot = slot,
    };
}

/// <summary>A box to look for in <see cref="BookingIndex"/>: already grown by the separation that applies.</summary>
internal readonly struct IndexQuery(double minX, double minY, double maxX, double maxY, TimeWindow window, VerticalBand band)
{
    public readonly double MinX = minX;
    public readonly double MinY = minY;
    public readonly double MaxX = maxX;
    public readonly double MaxY = maxY;
    public readonly double Lower = band.LowerMeters;
    public readonly double Upper = band.UpperMeters;
    public readonly int Start = Outwards.SecondsDown(window.Start);
    public readonly int End = Outwards.SecondsUp(window.End);

    /// <summary>Exact, for choosing cells: UTC ticks.</summary>
    public readonly long StartTicks = window.Start.UtcTicks;

    public readonly long EndTicks = window.End.UtcTicks;
}

/// <summary>Rounding that only ever widens a box, so that the index never misses a volume.</summary>
internal static class Outwards
{
    private static readonly long EpochTicks = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public static float Down(double value)
    {
        var rounded = (float)value;
        return rounded > value ? MathF.BitDecrement(rounded) : rounded;
    }

    public static float Up(double value)
    {
        var rounded = (float)value;
        return rounded < value ? MathF.BitIncrement(rounded) : rounded;
    }

    /// <summary>Seconds since 2000 (instants beyond 1932–2068 clamp, which only widens).</summary>
    public static int SecondsDown(DateTimeOffset instant) =>
        (int)Math.Clamp(Math.Floor((instant.UtcTicks - EpochTicks) / (double)TimeSpan.TicksPerSecond), int.MinValue, int.MaxValue);

    public static int SecondsUp(DateTimeOffset instant) =>
        (int)Math.Clamp(Math.Ceiling((instant.UtcTicks - EpochTicks) / (double)TimeSpan.TicksPerSecond), int.MinValue, int.MaxValue);
}
