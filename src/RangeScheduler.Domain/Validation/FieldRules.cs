using System.Text.RegularExpressions;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using static System.FormattableString;

namespace RangeScheduler.Domain.Validation;

/// <summary>Rules for single fields that bookings, ranges, zones and closures share.</summary>
public static partial class FieldRules
{
    /// <summary>\z rather than $, which would let a trailing newline through.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>
    /// Administrator-given ids (ranges, zones): 1–64 letters, digits, '.', '_' or '-', starting
    /// with a letter or digit, like "zhuhai-wanshan". They appear in URLs, log lines, Redis
    /// keys and advisory-lock names, so nothing that needs quoting there.
    /// </summary>
    public static bool Identifier(string? id, string path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(path, "is required");
            return false;
        }
        if (!IdPattern().IsMatch(id))
        {
            errors.Add(path, $"\"{id}\" must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return false;
        }
        return true;
    }

    /// <summary>A distance such as a separation: finite and ≥ 0 (0 means none or off).</summary>
    public static bool NonNegativeMeters(double meters, string path, ValidationErrors errors)
    {
        if (double.IsFinite(meters) && meters >= 0)
        {
            return true;
        }
        errors.Add(path, Invariant($"must be a finite number of metres >= 0; is {meters}"));
        return false;
    }

    public static bool NonNegative(TimeSpan duration, string path, ValidationErrors errors)
    {
        if (duration >= TimeSpan.Zero)
        {
            return true;
        }
        errors.Add(path, $"must not be negative; is {duration}");
        return false;
    }

    /// <summary>
    /// A contract <c>VerticalBand</c>: finite heights with lower_m ≤ upper_m (geo.proto). Adds at
    /// most one violation, at the band's own path (e.g. <c>volumes[0].vertical</c>).
    /// </summary>
    public static bool VerticalBand(VerticalBand band, string path, ValidationErrors errors)
    {
        if (!double.IsFinite(band.LowerMeters) || !double.IsFinite(band.UpperMeters))
        {
            errors.Add(path, Invariant($"lower_m and upper_m must be finite numbers of metres; are {band.LowerMeters} and {band.UpperMeters}"));
            return false;
        }
        if (band.LowerMeters > band.UpperMeters)
        {
            errors.Add(path, Invariant($"lower_m {band.LowerMeters} is above upper_m {band.UpperMeters}"));
            return false;
        }
        return true;
    }

    /// <summary>Each kind set (not UNSPECIFIED) and known, at <c>{path}[i]</c>.</summary>
    public static bool VehicleKinds(IReadOnlyList<VehicleKind> kinds, string path, ValidationErrors errors)
    {
        var before = errors.Count;
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == VehicleKind.Unspecified || !Enum.IsDefined(kinds[i]))
            {
                errors.Add($"{path}[{i}]", "must be UAV, USV or UUV");
            }
        }
        return errors.Count == before;
    }
}
