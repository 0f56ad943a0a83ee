using System.Buffers.Text;
using System.Text;

namespace RangeScheduler.Server.Paging;

/// <summary>
/// Pages through items sorted by a unique key. A page token holds the last key served, so
/// pages stay consistent when items are added or removed between calls. Tokens are opaque
/// to clients (geo.proto: "List calls") and name the list they belong to, so a token of one
/// list is refused by another.
/// </summary>
public static class KeysetPage
{
    /// <summary>The page size when a request asks for 0.</summary>
    public const int DefaultSize = 50;

    /// <summary>Larger requests get pages of this size.</summary>
    public const int MaxSize = 500;

    private const string Version = "1";

    /// <summary>
    /// The page after <paramref name="pageToken"/> (from the start when it is empty), or null
    /// when the token was not issued for <paramref name="list"/>.
    /// </summary>
    /// <param name="items">Sorted by <paramref name="key"/>, ordinal.</param>
    public static Page<T>? Take<T>(IReadOnlyList<T> items, Func<T, string> key, string list, uint pageSize, string pageToken)
    {
        var start = 0;
        if (pageToken.Length > 0)
        {
            if (Decode(list, pageToken) is not { } lastKey)
            {
                return null;
            }
            start = FirstAfter(items, key, lastKey);
        }
        var size = pageSize == 0 ? DefaultSize : (int)Math.Min(pageSize, MaxSize);
        var taken = items.Skip(start).Take(size).ToArray();
        var more = start + taken.Length < items.Count;
        return new Page<T>(taken, more ? Encode(list, key(taken[^1])) : "");
    }

    private static int FirstAfter<T>(IReadOnlyList<T> items, Func<T, string> key, string lastKey)
    {
        int low = 0, high = items.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(key(items[middle]), lastKey) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>
    /// A token that resumes <paramref name="list"/> after <paramref name="lastKey"/>, for lists
    /// a store pages itself (the token format stays the one of every list).
    /// </summary>
    public static string Encode(string list, string lastKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}\n{list}\n{lastKey}"));

    /// <summary>The last key a token of <paramref name="list"/> holds; null for any other text.</summary>
    public static string? Decode(string list, string token)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split('\n', 3);
        return parts.Length == 3 && parts[0] == Version && parts[1] == list ? parts[2] : null;
    }
}

/// <summary>One page of a list.</summary>
/// <param name="NextPageToken">Empty on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken);
