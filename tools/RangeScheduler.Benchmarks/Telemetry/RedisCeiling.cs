using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RangeScheduler.Benchmarks.Telemetry;

/// <summary>
/// What the redis-server alone can append: redis-benchmark (Debian package redis-tools)
/// sending XADD, pipelined 16 deep, to a stream of its own. Its <c>-t</c> list has no XADD, so
/// the command follows the options.
/// </summary>
internal static partial class RedisCeiling
{
    public const string Program = "/usr/bin/redis-benchmark";
    public const int Requests = 200_000;

    /// <summary>XADD calls per second, as redis-benchmark reports them.</summary>
    public static async Task<double> MeasureAsync(int port)
    {
        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", port.ToString(CultureInfo.InvariantCulture), "-q", "-n", Requests.ToString(CultureInfo.InvariantCulture), "-P", "16", "XADD", "rangescheduler:bench", "*", "f", "v" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // With -q it rewrites a progress line in place (carriage returns), then prints
        // "XADD …: 123456.79 requests per second, p50=… msec"; the last figure is the result.
        var matches = RequestsPerSecond().Matches(await output);
        return process.ExitCode == 0 && matches.Count > 0
            ? double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"redis-benchmark failed ({process.ExitCode}): {await output} {await errors}");
    }

    [GeneratedRegex(@"([0-9.]+) requests per second")]
    private static partial Regex RequestsPerSecond();
}
