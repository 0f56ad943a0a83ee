namespace RangeScheduler.Server.Identities;

/// <summary>
/// The keys of the development principals in <c>seeds/identities.json</c>: <c>dev-</c>
/// followed by the principal's id. Deriving them, rather than keeping them in a second
/// file, leaves one list of principals and no plaintext keys on disk, and lets the server
/// print them at start-up. <c>tools/seeds/dev_identities.py</c> writes the file's hashes
/// from the same rule.
/// </summary>
public static class DevelopmentKeys
{
    public const string Prefix = "dev-";

    public static string For(Principal principal) => Prefix + principal.Id;

    /// <summary>
    /// Throws <see cref="PrincipalFileException"/> when a principal's derived key does not
    /// authenticate as that principal (a hash edited by hand, or a principal added without
    /// running the script): the printed keys would not work.
    /// </summary>
    public static void Verify(PrincipalCatalog catalog, string path)
    {
        var problems = catalog.Principals
            .Where(principal => catalog.FindByKey(For(principal)) != principal)
            .Select(principal => $"\"{principal.Id}\": api_key_sha256 is not the hash of \"{For(principal)}\" (run tools/seeds/dev_identities.py)")
            .ToArray();
        if (problems.Length > 0)
        {
            throw new PrincipalFileException(path, problems);
        }
    }
}
