using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// The 64-bit key of a PostgreSQL advisory lock, from a name: the first eight bytes of its
/// SHA-256. Every instance computes the same key for the same name, whatever its runtime;
/// two names share a key with odds of about one in 2^64.
/// </summary>
internal static class AdvisoryLockKey
{
    /// <summary>Held while the schema is migrated, so that instances starting together migrate one after the other.</summary>
    public static readonly long Migrations = For("rangescheduler:migrations");

    /// <summary>Held, in the deciding transaction, for each decision on the range (DESIGN.md, "Serialisation").</summary>
    public static long ForRange(string rangeId) => For("rangescheduler:range:" + rangeId);

    private static long For(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
