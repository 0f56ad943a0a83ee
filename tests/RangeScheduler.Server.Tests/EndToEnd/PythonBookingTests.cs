using System.Diagnostics;
using System.Text.Json;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.EndToEnd;

/// <summary>The booking service through python3-grpcio, an independent gRPC implementation (EndToEnd/python/booking_client.py).</summary>
public sealed class PythonBookingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task PythonClientBooksAndIsRejectedForTheSameSpace()
    {
        var result = await RunAsync(new Uri(fixture.Server.Channel.Address.ToString()).Authority, Requests.Tomorrow(3).ToUnixTimeSeconds());

        result.GetProperty("ranges").EnumerateArray().Select(r => r.GetString()).ShouldBe(["jaakonmeri", "zhuhai-wanshan"]);
        result.GetProperty("state").GetString().ShouldBe("BOOKING_STATE_CONFIRMED");
        result.GetProperty("fetched_title").GetString().ShouldBe("python trial");
        var conflict = result.GetProperty("rival_conflicts").EnumerateArray().ShouldHaveSingleItem();
        conflict.GetProperty("kind").GetString().ShouldBe("KIND_BOOKING");
        conflict.GetProperty("other_id").GetString().ShouldBe(result.GetProperty("booking_id").GetString());
        result.GetProperty("suggested_starts").GetInt32().ShouldBeGreaterThan(0);
        result.GetProperty("no_key").GetString().ShouldBe("UNAUTHENTICATED");
    }

    private static async Task<JsonElement> RunAsync(string target, long startSeconds)
    {
        var script = Path.Combine(Repository.Root, "tests", "RangeScheduler.Server.Tests", "EndToEnd", "python", "booking_client.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, "--target", target, "--start", startSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start: run tools/test.sh");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process.ExitCode.ShouldBe(0, $"booking_client.py failed (run tools/test.sh if grpc is missing): {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement;
    }
}
