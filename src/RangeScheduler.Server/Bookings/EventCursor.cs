using System.Globalization;

namespace RangeScheduler.Server.Bookings;

/// <summary>
/// The position of a booking event. Opaque to clients: they only hand it back as
/// <c>resume_after</c>, so its text form may change without breaking them.
/// </summary>
public readonly record struct EventCursor(long Epoch, long Sequence)
{
    public override string ToString() =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(
            Epoch.ToString(CultureInfo.InvariantCulture) + "." + Sequence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>False for text that is not a cursor this server made.</summary>
    public static bool TryParse(string text, out EventCursor cursor)
    {
        cursor = default;
        try
        {
            var parts = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(text)).Split('.');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                cursor = new EventCursor(epoch, sequence);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64: not one of ours.
        }
        return false;
    }
}
