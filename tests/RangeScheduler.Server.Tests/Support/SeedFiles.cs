namespace RangeScheduler.Server.Tests.Support;

/// <summary>The repository's seeds/, which the server project copies next to the test binaries.</summary>
internal static class SeedFiles
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string Identities => Path.Combine(Directory, "identities.json");

    public static string Ranges => Path.Combine(Directory, "ranges");

    public static string Closures(string rangeId) => Path.Combine(Directory, "closures", rangeId + ".json");
}
