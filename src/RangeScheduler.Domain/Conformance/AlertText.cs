using System.Globalization;

namespace RangeScheduler.Domain.Conformance;

/// <summary>The alerts' messages: short English naming the condition and its distance, in metres to the centimetre.</summary>
internal static class AlertText
{
    public static string LeftVolume(double meters) => Format($"{meters:0.00} m outside the booked volume");

    public static string Altitude(double meters) => Format($"{meters:0.00} m outside the booked height band");

    public static string NearBoundary(double meters, double warningMeters) =>
        Format($"{meters:0.00} m from the edge of the booked volume (warning at {warningMeters:0.##} m)");

    public static string EnteredExclusion(string label, double meters, bool wholeRange) => wholeRange
        ? Format($"inside {label}, which covers the whole range")
        : Format($"inside {label}, {meters:0.00} m from its edge");

    public static string LostLink(TimeSpan silence, TimeSpan timeout) =>
        Format($"no report for {silence.TotalSeconds:0.0} s (link timeout {timeout.TotalSeconds:0.#} s)");

    public static string Proximity(double meters, string otherBookingId, string otherVehicleId, double separationMeters) =>
        Format($"{meters:0.00} m from vehicle {otherVehicleId} of booking {otherBookingId} (separation {separationMeters:0.##} m)");

    public const string OutsideWindow = "reporting while no booked volume is in force";

    public static string Ended(AlertKind kind) => kind switch
    {
        AlertKind.LeftVolume => "back inside the booked volume",
        AlertKind.Altitude => "back inside the booked height band",
        AlertKind.NearBoundary => "clear of the edge of the booked volume",
        AlertKind.EnteredExclusion => "out of the exclusion",
        AlertKind.LostLink => "reporting again",
        AlertKind.Proximity => "separated again",
        AlertKind.OutsideWindow => "a booked volume is in force again",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "RESOLVED alerts are not resolved"),
    };

    /// <summary>The booking is over or forgotten, or the vehicle left it: the condition is not known to have ended.</summary>
    public static string NoLongerWatched(AlertKind kind) => $"{ContractName(kind)} closed: no longer watched";

    /// <summary>The contract's name of the kind, which controllers see on their screens.</summary>
    private static string ContractName(AlertKind kind) => kind switch
    {
        AlertKind.LeftVolume => "LEFT_VOLUME",
        AlertKind.NearBoundary => "NEAR_BOUNDARY",
        AlertKind.EnteredExclusion => "ENTERED_EXCLUSION",
        AlertKind.Altitude => "ALTITUDE",
        AlertKind.LostLink => "LOST_LINK",
        AlertKind.Proximity => "PROXIMITY",
        AlertKind.OutsideWindow => "OUTSIDE_WINDOW",
        _ => "RESOLVED",
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
