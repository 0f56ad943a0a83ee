namespace RangeScheduler.Server.Identities;

/// <summary>The principals the server knows, looked up by the API key a caller presents.</summary>
public sealed class PrincipalCatalog
{
    private readonly IReadOnlyList<(byte[] KeyHash, Principal Principal)> _entries;

    /// <param name="entries">Each principal with the SHA-256 of its key; ids and hashes unique (<see cref="PrincipalFile"/> checks).</param>
    private PrincipalCatalog(IReadOnlyList<(byte[] KeyHash, Principal Principal)> entries)
    {
        _entries = entries;
        Principals = entries.Select(entry => entry.Principal).ToArray();
    }

    /// <summary>In the order of the file.</summary>
    public IReadOnlyList<Principal> Principals { get; }

    /// <summary>Reads a principals file; throws <see cref="PrincipalFileException"/> naming every problem in it.</summary>
    public static PrincipalCatalog Load(string path) => new(PrincipalFile.Read(path));

    /// <summary>The principal whose key this is, or null for an unknown key.</summary>
    public Principal? FindByKey(string apiKey)
    {
        var hash = ApiKeyHash.Compute(apiKey);
        Principal? found = null;
        // Every entry is compared, without stopping at a match, so the time taken does not
        // tell which principal matched or whether any did.
        foreach (var (keyHash, principal) in _entries)
        {
            if (ApiKeyHash.Matches(hash, keyHash))
            {
                found = principal;
            }
        }
        return found;
    }
}
