using System.Diagnostics;
using System.Text.Json;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.EndToEnd;

/// <summary>
/// Issue 5 through an independent gRPC implementation (EndToEnd/python/telemetry_client.py,
/// python3-grpcio): a ground station's bidirectional StreamPositions and a controller's
/// WatchRange on the same range — acks in order with their rejections, the LEFT_VOLUME alert
/// on both streams, the watcher's snapshot and positions.
/// </summary>
public sealed class PythonTelemetryTests
{
    [Fact]
    public async Task PythonStationAndController_SeeAcksAlertsAndPositions()
    {
        await using var server = await RunningServer.StartAsync();

        var result = await RunAsync(server.Channel.Address.ToString());

        var acks = result.GetProperty("acks").EnumerateArray().ToList();
        acks.Select(a => a.GetProperty("batch_id").GetInt32()).ShouldBe([1, 2, 3]);
        acks.Select(a => a.GetProperty("accepted").GetInt32()).ShouldBe([1, 1, 0]);
        acks[2].GetProperty("rejected").EnumerateArray().Select(r => r.GetString()).ShouldBe(["CODE_INVALID"]);
        acks[2].GetProperty("reasons")[0].GetString()!.ShouldContain("reports[0].latitude");
        result.GetProperty("station_alerts").EnumerateArray().Select(a => a.GetString()).ShouldContain("ALERT_KIND_LEFT_VOLUME");
        var watch = result.GetProperty("watch");
        watch.GetProperty("snapshot").GetBoolean().ShouldBeTrue();
        watch.GetProperty("positions").EnumerateArray().Select(p => p.GetInt32()).ShouldBe([1, 2]);
        watch.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()).ShouldBe(["ALERT_KIND_LEFT_VOLUME"]);
    }

    private static async Task<JsonElement> RunAsync(string address)
    {
        var script = Path.Combine(Repository.Root, "tests", "RangeScheduler.Server.Tests", "EndToEnd", "python", "telemetry_client.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[script, "--target", new Uri(address).Authority])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start: run tools/test.sh");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        process.ExitCode.ShouldBe(0, $"telemetry_client.py failed: {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement;
    }
}
