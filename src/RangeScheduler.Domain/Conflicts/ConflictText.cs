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

    public static string Meters(double meters) => double.IsInfinity(meters)
        ? (meters > 0 ? "unlimited" : "-unlimited")
        : Math.Round(meters, 2).ToString(CultureInfo.InvariantCulture) + " m";

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
}
