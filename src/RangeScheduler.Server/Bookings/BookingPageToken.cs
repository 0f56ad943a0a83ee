using System.Globalization;
using RangeScheduler.Server.Paging;

namespace RangeScheduler.Server.Bookings;

/// <summary>
/// ListBookings' page token: the (first start, id) of the last booking sent, in the token
/// format of every list (<see cref="KeysetPage"/>); the store pages by that position.
/// </summary>
internal static class BookingPageToken
{
    private const string List = "bookings";

    public static string Format(DateTimeOffset firstStart, string id) =>
        KeysetPage.Encode(List, $"{firstStart.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id}");

    public static bool TryParse(string token, out (DateTimeOffset FirstStart, string Id) position)
    {
        position = default;
        if (token.Length == 0 || KeysetPage.Decode(List, token) is not { } key)
        {
            return false;
        }
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0
            || !long.TryParse(key.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }
        position = (new DateTimeOffset(ticks, TimeSpan.Zero), key[(separator + 1)..]);
        return true;
    }
}
