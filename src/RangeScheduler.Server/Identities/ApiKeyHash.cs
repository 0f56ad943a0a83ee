using System.Security.Cryptography;
using System.Text;

namespace RangeScheduler.Server.Identities;

/// <summary>
/// API keys are stored only as SHA-256 hashes (the <c>api_key_sha256</c> field of the
/// principals file), so a leaked file does not leak working keys.
/// </summary>
public static class ApiKeyHash
{
    public const int Length = SHA256.HashSizeInBytes;

    /// <summary>The SHA-256 of the key's UTF-8 bytes.</summary>
    public static byte[] Compute(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    /// <summary>Reads a hash written as 64 hexadecimal digits, either case.</summary>
    public static bool TryParseHex(string? hex, out byte[] hash)
    {
        hash = [];
        if (hex is null || hex.Length != Length * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }
        hash = Convert.FromHexString(hex);
        return true;
    }

    /// <summary>
    /// Compares in constant time, so the time a refused key takes does not tell an attacker
    /// how many leading bytes of its hash were right.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> expected) =>
        CryptographicOperations.FixedTimeEquals(hash, expected);
}
