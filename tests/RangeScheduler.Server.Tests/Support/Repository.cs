namespace RangeScheduler.Server.Tests.Support;

/// <summary>The checkout these tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding RangeScheduler.sln, above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RangeScheduler.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("RangeScheduler.sln not found above the test binaries");
    }
}
