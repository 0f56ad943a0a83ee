using System.Globalization;

namespace RangeScheduler.GroundStation.Logs;

/// <summary>Reads the NMEA 0183 field formats that GGA and RMC share.</summary>
internal static class NmeaFields
{
    /// <summary>hhmmss or hhmmss.ss, UTC.</summary>
    public static bool TryTimeOfDay(string field, out TimeSpan timeOfDay)
    {
        timeOfDay = default;
        if (field.Length < 6
            || !int.TryParse(field.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(field.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !double.TryParse(field.AsSpan(4), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || hours > 23 || minutes > 59 || seconds >= 61)
        {
            return false;
        }
        timeOfDay = new TimeSpan(hours, minutes, 0) + TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>ddmmyy; two-digit years are 19xx from 80 on, as GPS receivers have no dates before 1980.</summary>
    public static bool TryDate(string field, out DateOnly date)
    {
        date = default;
        if (field.Length != 6
            || !int.TryParse(field.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(field.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(field.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000 + year, month))
        {
            return false;
        }
        date = new DateOnly(year >= 80 ? 1900 + year : 2000 + year, month, day);
        return true;
    }

    /// <summary>(d)ddmm.mmmm with its hemisphere letter: N/E positive, S/W negative.</summary>
    public static bool TryAngle(string value, string hemisphere, int degreeDigits, out double degrees)
    {
        degrees = default;
        if (value.Length <= degreeDigits + 2
            || !int.TryParse(value.AsSpan(0, degreeDigits), NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
            || !double.TryParse(value.AsSpan(degreeDigits), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes)
            || minutes >= 60)
        {
            return false;
        }
        var sign = hemisphere switch { "N" or "E" => 1, "S" or "W" => -1, _ => 0 };
        degrees = sign * (whole + minutes / 60);
        return sign != 0 && Math.Abs(degrees) <= (degreeDigits == 2 ? 90 : 180);
    }

    /// <summary>An optional decimal: an empty field is "not given".</summary>
    public static double? Number(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
