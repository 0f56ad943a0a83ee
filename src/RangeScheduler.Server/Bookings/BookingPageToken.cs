using System.Globalization;
using System.Text;

namespace RangeScheduler.Server.Bookings;

/// <summary>ListBookings' page token: the (first start, id) of the last booking sent, opaque to clients.</summary>
internal static class BookingPageToken
{
    private const string Prefix = "bookings:";

    public static string Format(DateTimeOffset firstStart, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Prefix}{firstStart.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id}"));

    public static bool TryParse(string token, out (DateTimeOffset FirstStart, string Id) position)
    {
        position = default;
        if (token.Length == 0)
        {
            return false;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var separator = text.IndexOf(':', Prefix.Length);
            if (!text.StartsWith(Prefix, StringComparison.Ordinal) || separator < 0
                || !long.TryParse(text.AsSpan(Prefix.Length, separator - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return false;
            }
            position = (new DateTimeOffset(ticks, TimeSpan.Zero), text[(separator + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
