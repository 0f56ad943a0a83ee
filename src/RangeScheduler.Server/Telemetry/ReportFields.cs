using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// The field rules of one <see cref="PositionReport"/> (DESIGN.md, "Telemetry and
/// conformance": coordinates finite and in range). A report that breaks one is rejected
/// with CODE_INVALID and a reason naming every offending field.
/// </summary>
internal static class ReportFields
{
    /// <summary>Null when the report is well formed; otherwise why not, field by field.</summary>
    public static string? Violations(PositionReport report, int index)
    {
        List<string>? violations = null;
        void Add(string field, string rule) => (violations ??= []).Add($"reports[{index}].{field}: {rule}");

        if (report.BookingId.Length == 0)
        {
            Add("booking_id", "required");
        }
        if (report.VehicleId.Length == 0)
        {
            Add("vehicle_id", "required");
        }
        if (report.Time is null)
        {
            Add("time", "required");
        }
        else if (report.Time.Seconds is < -62135596800 or > 253402300799 || report.Time.Nanos is < 0 or > 999_999_999)
        {
            Add("time", "not a valid timestamp");
        }
        if (!double.IsFinite(report.Latitude) || Math.Abs(report.Latitude) > 90)
        {
            Add("latitude", "must be a number within [-90, 90]");
        }
        if (!double.IsFinite(report.Longitude) || Math.Abs(report.Longitude) > 180)
        {
            Add("longitude", "must be a number within [-180, 180]");
        }
        if (report.HasAltitudeM && (!double.IsFinite(report.AltitudeM) || Math.Abs(report.AltitudeM) > 100_000))
        {
            Add("altitude_m", "must be a number within [-100000, 100000]");
        }
        if (report.HasDepthM && (!double.IsFinite(report.DepthM) || report.DepthM is < -100 or > 12_000))
        {
            Add("depth_m", "must be a number within [-100, 12000]");
        }
        if (report.HasGroundSpeedMps && (!float.IsFinite(report.GroundSpeedMps) || report.GroundSpeedMps < 0))
        {
            Add("ground_speed_mps", "must be a finite number, not negative");
        }
        if (report.HasCourseDeg && !IsBearing(report.CourseDeg))
        {
            Add("course_deg", "must be within [0, 360)");
        }
        if (report.HasHeadingDeg && !IsBearing(report.HeadingDeg))
        {
            Add("heading_deg", "must be within [0, 360)");
        }
        if (report.HasVerticalSpeedMps && !float.IsFinite(report.VerticalSpeedMps))
        {
            Add("vertical_speed_mps", "must be a finite number");
        }
        if (!float.IsFinite(report.HorizontalAccuracyM) || report.HorizontalAccuracyM < 0)
        {
            Add("horizontal_accuracy_m", "must be a finite number, not negative");
        }
        if (!float.IsFinite(report.VerticalAccuracyM) || report.VerticalAccuracyM < 0)
        {
            Add("vertical_accuracy_m", "must be a finite number, not negative");
        }
        if (!Enum.IsDefined(report.AltitudeReference))
        {
            Add("altitude_reference", "unknown value");
        }
        if (!Enum.IsDefined(report.Source))
        {
            Add("source", "unknown value");
        }
        if (!Enum.IsDefined(report.Status))
        {
            Add("status", "unknown value");
        }
        return violations is null ? null : string.Join("; ", violations);
    }

    private static bool IsBearing(float degrees) => float.IsFinite(degrees) && degrees is >= 0 and < 360;
}
