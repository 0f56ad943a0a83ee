using System.Globalization;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The readable parts of conflict messages, in one invariant format. Messages about another
/// booking name only its id, state, window and distances (DESIGN.md, "Identities"): never
/// its title, vehicles or organisation, so nothing here takes a <see cref="Booking"/>.
/// </summary>
internal static class ConflictText
{
    private static readonly string[] VolumePaths = Enumerable.Range(0, 16).Select(i => $"volumes[{i}]").ToArray();

    /// <summary>The contract path of a requested volume; the first few are made once, as most requests have one or two.</summary>
    public static string Volume(int index) => index < VolumePaths.Length ? VolumePaths[index] : $"volumes[{index}]";

    public static string Meters(double meters) => new MetersText(meters).ToString();

    public static string Band(VerticalBand band) => $"{Meters(band.LowerMeters)} to {Meters(band.UpperMeters)}";

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) => duration.TotalSeconds % 60 == 0
        ? $"{duration.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} min"
        : $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    public static string State(BookingState state) => state switch
    {
        BookingState.PendingApproval => "PENDING_APPROVAL",
        BookingState.Confirmed => "CONFIRMED",
        BookingState.Active => "ACTIVE",
        _ => state.ToString().ToUpperInvariant(),
    };

    public static string Separation(Separation separation) =>
        $"{Meters(separation.HorizontalMeters)} horizontally, {Meters(separation.VerticalMeters)} vertically "
        + $"and {Duration(separation.TimeBuffer)} apart in time";

    public static string Kinds(IEnumerable<VehicleKind> kinds) =>
        string.Join(", ", kinds.Select(k => k.ToString().ToUpperInvariant()));

    /// <summary>The message of a <see cref="ConflictKind.Booking"/> conflict, written straight into one string from its fields.</summary>
    /// <exception cref="InvalidOperationException">The conflict is of another kind: those are given their messages when made.</exception>
    public static string BookingConflict(Conflict conflict)
    {
        if (conflict is not { Kind: ConflictKind.Booking, VolumeIndex: { } volume, OtherState: { } state })
        {
            throw new InvalidOperationException($"A {conflict.Kind} conflict was made without its message.");
        }
        return string.Create(CultureInfo.InvariantCulture, stackalloc char[256],
            $"{Volume(volume)} comes within {new MetersText(conflict.HorizontalGapMeters)} horizontally and {new MetersText(conflict.VerticalGapMeters)} "
            + $"vertically of booking {conflict.OtherId} ({State(state)}); {conflict.SeparationText}");
    }
}

/// <summary>
/// A distance as messages show it, to the centimetre ("12.34 m", "unlimited"). A value that
/// formats itself into an interpolated message, so that a message needs no string per number:
/// a check at a million bookings writes dozens of them.
/// </summary>
internal readonly struct MetersText(double meters) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (double.IsInfinity(meters))
        {
            return Copy(meters > 0 ? "unlimited" : "-unlimited", destination, out charsWritten);
        }
        if (Math.Round(meters, 2).TryFormat(destination, out var digits, default, CultureInfo.InvariantCulture)
            && Copy(" m", destination[digits..], out var unit))
        {
            charsWritten = digits + unit;
            return true;
        }
        charsWritten = 0;
        return false;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString()
    {
        Span<char> buffer = stackalloc char[40];
        return TryFormat(buffer, out var written, default, null) ? new string(buffer[..written]) : throw new FormatException();
    }

    private static bool Copy(string text, Span<char> destination, out int charsWritten)
    {
        charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
        return charsWritten > 0;
    }
}
