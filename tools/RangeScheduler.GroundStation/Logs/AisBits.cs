namespace RangeScheduler.GroundStation.Logs;

/// <summary>
/// The bits of an AIS payload after undoing the six-bit armouring of ITU-R M.1371 / IEC
/// 61162-1: each character c carries c - 48 (minus 8 more above 'W'), most significant bit
/// first; the sentence's fill bits at the end carry nothing.
/// </summary>
internal sealed class AisBits
{
    private readonly byte[] _sixBits;

    private AisBits(byte[] sixBits, int length)
    {
        _sixBits = sixBits;
        Length = length;
    }

    public int Length { get; }

    public static bool TryDecode(string armoured, int fillBits, out AisBits bits)
    {
        bits = null!;
        var values = new byte[armoured.Length];
        for (var i = 0; i < armoured.Length; i++)
        {
            var c = armoured[i];
            // The armouring uses '0'..'W' and '`'..'w' only.
            if (c is < '0' or > 'w' or > 'W' and < '`')
            {
                return false;
            }
            var v = c - 48;
            values[i] = (byte)(v > 40 ? v - 8 : v);
        }
        var length = armoured.Length * 6 - fillBits;
        if (fillBits is < 0 or > 5 || length < 0)
        {
            return false;
        }
        bits = new AisBits(values, length);
        return true;
    }

    public uint Unsigned(int start, int count)
    {
        uint value = 0;
        for (var i = start; i < start + count; i++)
        {
            var bit = (_sixBits[i / 6] >> (5 - i % 6)) & 1;
            value = value << 1 | (uint)bit;
        }
        return value;
    }

    /// <summary>Two's complement over <paramref name="count"/> bits.</summary>
    public int Signed(int start, int count)
    {
        var value = Unsigned(start, count);
        var shift = 32 - count;
        return (int)(value << shift) >> shift;
    }
}
