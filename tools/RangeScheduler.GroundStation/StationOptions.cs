using System.CommandLine;

namespace RangeScheduler.GroundStation;

/// <summary>The options every command that talks to the server shares.</summary>
internal static class StationOptions
{
    public static Option<string> Server() => new("--server")
    {
        Description = "The RangeScheduler server's address.",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    /// <summary>The development ground station of organisation oceanalpha (docs/identities.md).</summary>
    public static Option<string> Key() => new("--key")
    {
        Description = "The ground station's API key, sent as 'authorization: Bearer <key>'.",
        DefaultValueFactory = _ => "dev-gs-oceanalpha-1",
    };

    public static Option<int> BatchMilliseconds() => new("--batch-ms")
    {
        Description = "Coalesce fixes into one PositionBatch every this many milliseconds.",
        DefaultValueFactory = _ => 100,
    };

    /// <summary>A positive batch interval, or an error the user sees before anything is sent.</summary>
    public static TimeSpan BatchInterval(int milliseconds) => milliseconds > 0
        ? TimeSpan.FromMilliseconds(milliseconds)
        : throw new ArgumentOutOfRangeException(nameof(milliseconds), milliseconds, "--batch-ms must be at least 1.");

    public static Uri ServerUri(string address) => Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri
        : throw new ArgumentException($"--server '{address}' must be an http:// or https:// address.", nameof(address));
}
