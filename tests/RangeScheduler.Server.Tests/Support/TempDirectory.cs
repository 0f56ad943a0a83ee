namespace RangeScheduler.Server.Tests.Support;

/// <summary>A folder in the temporary folder that is deleted, with its content, with the object.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rangescheduler-").FullName;

    /// <summary>A <c>RangeScheduler:Store</c> naming a SQLite file in the folder.</summary>
    public string SqliteStore => $"Data Source={System.IO.Path.Combine(Path, "rangescheduler.db")}";

    /// <summary>Writes a text file into the folder and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a binary file into the folder and returns its full path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
