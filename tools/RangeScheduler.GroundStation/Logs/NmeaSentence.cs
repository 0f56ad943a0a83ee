using System.Globalization;

namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// One NMEA 0183 line split into fields, after its checksum (XOR of the characters between
/// the leading '$' or '!' and the '*') has been verified. An IEC 61162-450 tag block in
/// front (<c>\c:1586295590,s:rx*hh\</c>), or a Unix time after the checksum, is read as
/// the time the line was received (<see cref="TagTime"/>).
/// </summary>
internal readonly record struct NmeaSentence(string[] Fields, DateTimeOffset? TagTime)
{
    /// <summary>The sentence formatter without its talker: "RMC" for $GPRMC and $GNRMC, "VDM" for !AIVDM.</summary>
    public string Formatter => Fields[0].Length >= 5 ? Fields[0][^3..] : Fields[0];

    /// <summary>False for comments, blank lines, bad checksums and lines that are not sentences.</summary>
    public static bool TryParse(string line, out NmeaSentence sentence)
    {
        sentence = default;
        var text = line.AsSpan().Trim();
        DateTimeOffset? tagTime = null;
        if (text.StartsWith('\\'))
        {
            var close = text[1..].IndexOf('\\');
            if (close < 0 || !TryTagTime(text[1..(close + 1)], out tagTime))
            {
                return false;
            }
            text = text[(close + 2)..];
        }
        var star = text.IndexOf('*');
        if (text.Length < 2 || (text[0] != '$' && text[0] != '!') || star < 0 || star + 3 > text.Length
            || !byte.TryParse(text[(star + 1)..(star + 3)], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var sent)
            || Checksum(text[1..star]) != sent)
        {
            return false;
        }
        var trailer = text[(star + 3)..];
        if (!trailer.IsEmpty && trailer[0] != ',')
        {
            return false;
        }
        tagTime ??= TrailerTime(trailer);
        sentence = new NmeaSentence(text[..star].ToString().Split(','), tagTime);
        return true;
    }

    /// <summary>
    /// Receivers of the USCG NAIS network append ",s…,d…,T…,r<station>,<unix seconds>" after
    /// the checksum; the last field, when it is a Unix time, is when the line was received.
    /// </summary>
    private static DateTimeOffset? TrailerTime(ReadOnlySpan<char> trailer)
    {
        var last = trailer[(trailer.LastIndexOf(',') + 1)..];
        return last.Length == 10 && long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : null;
    }

    /// <summary>The XOR of the characters, as the sentence's own checksum is computed.</summary>
    public static byte Checksum(ReadOnlySpan<char> body)
    {
        byte sum = 0;
        foreach (var c in body)
        {
            sum ^= (byte)c;
        }
        return sum;
    }

    /// <summary>A tag block with a bad checksum is bad; one without a c: field has no time.</summary>
    private static bool TryTagTime(ReadOnlySpan<char> block, out DateTimeOffset? time)
    {
        time = null;
        var star = block.LastIndexOf('*');
        if (star < 0 || !byte.TryParse(block[(star + 1)..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var sent)
            || Checksum(block[..star]) != sent)
        {
            return false;
        }
        foreach (var field in block[..star].ToString().Split(','))
        {
            if (field.StartsWith("c:", StringComparison.Ordinal)
                && long.TryParse(field.AsSpan(2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
            {
                // Some receivers write milliseconds rather than seconds.
                time = unix > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
            }
        }
        return true;
    }
}
