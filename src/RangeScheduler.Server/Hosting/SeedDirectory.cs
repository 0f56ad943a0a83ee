namespace RangeScheduler.Server.Hosting;

/// <summary>The <c>seeds/</c> folder: the shipped ranges and the development identities.</summary>
public sealed class SeedDirectory
{
    private SeedDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>One <c>rangescheduler.v1.TestRange</c> per file.</summary>
    public string Ranges => System.IO.Path.Combine(Path, "ranges");

    /// <summary>The development principals.</summary>
    public string Identities => System.IO.Path.Combine(Path, "identities.json");

    /// <summary>
    /// The <c>seeds</c> folder (one with <c>ranges/</c>) under the first of these folders that
    /// has one. Throws <see cref="DirectoryNotFoundException"/> naming every place looked at.
    /// </summary>
    public static SeedDirectory Locate(params IReadOnlyList<string> roots)
    {
        var candidates = roots.Select(root => System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "seeds"))).ToArray();
        var found = candidates.FirstOrDefault(candidate => Directory.Exists(System.IO.Path.Combine(candidate, "ranges")));
        return found is not null
            ? new SeedDirectory(found)
            : throw new DirectoryNotFoundException($"No seeds folder with ranges/ at {string.Join(" or ", candidates)}.");
    }
}
