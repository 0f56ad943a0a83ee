using RangeScheduler.Server.Identities;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>Principals files for tests, with known keys.</summary>
internal static class Principals
{
    /// <summary>One principal of each role; each one's key is "key-" + its id.</summary>
    public static readonly string GoodFile = $$"""
        [
          { "id": "ops-a", "role": "operator", "organization": "org-a", "api_key_sha256": "{{Hash("key-ops-a")}}" },
          { "id": "gs-a", "role": "ground_station", "organization": "org-a", "api_key_sha256": "{{Hash("key-gs-a")}}" },
          { "id": "ctl-x", "role": "controller", "ranges": ["range-x", "range-y"], "api_key_sha256": "{{Hash("key-ctl-x")}}" },
          { "id": "root", "role": "admin", "api_key_sha256": "{{Hash("key-root")}}" }
        ]
        """;

    /// <summary>The hex SHA-256 of a key, as the principals file holds it.</summary>
    public static string Hash(string apiKey) => Convert.ToHexStringLower(ApiKeyHash.Compute(apiKey));

    /// <summary>Reads principals from JSON text.</summary>
    public static PrincipalCatalog Catalog(string json)
    {
        using var folder = new TempDirectory();
        return PrincipalCatalog.Load(folder.Write("principals.json", json));
    }

    /// <summary>The problems reported for a file that must be refused.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        using var folder = new TempDirectory();
        var path = folder.Write("principals.json", json);
        return Should.Throw<PrincipalFileException>(() => PrincipalFile.Read(path)).Problems;
    }
}
