namespace RangeScheduler.Server.Identities;

/// <summary>
/// A principals file the server cannot use. The server does not start with it: running
/// with fewer principals than configured would lock out callers in ways hard to trace.
/// </summary>
public sealed class PrincipalFileException : Exception
{
    public PrincipalFileException(string path, IReadOnlyList<string> problems, Exception? inner = null)
        : base($"Principals file '{path}' cannot be used:{string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}"))}", inner)
    {
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    /// <summary>Every problem found, each naming the entry it concerns, e.g. <c>principals[2] ("ctl-x"): unknown role "boss"</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
