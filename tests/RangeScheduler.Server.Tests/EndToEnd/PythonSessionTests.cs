using System.Diagnostics;
using System.Text.Json;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.EndToEnd;

/// <summary>
/// Issue 4's check, through python3-grpcio (EndToEnd/python/session_watch.py): a booking
/// for "now + 3 s, lasting 5 s" goes CONFIRMED → ACTIVE → COMPLETED on its own, each event
/// within a second of its time — and the same with a SIGKILL and restart in between.
/// </summary>
public sealed class PythonSessionTests
{
    private const double Punctual = 1.0;

    [Fact]
    public async Task PythonWatcher_SeesTheSessionStartAndEndOnTime()
    {
        await using var server = await RunningServer.StartAsync();

        var result = await RunAsync("run", server.Channel.Address.ToString());

        ShouldBeOnTime(result);
    }

    [Fact]
    public async Task PythonWatcher_KilledAndRestartedBetweenBookingAndStart_SeesTheSessionOnTime()
    {
        using var data = new TempDirectory();
        var store = data.SqliteStore;
        JsonElement made;
        await using (var first = await ServerProcess.StartAsync(store))
        {
            made = await RunAsync("create", first.Address, "--start-in", "5");
            await first.KillAsync();
        }
        await using var second = await ServerProcess.StartAsync(store);

        var watched = await RunAsync("watch", second.Address, "--booking", made.GetProperty("booking").GetProperty("id").GetString()!);

        ShouldBeOnTime(made, watched.GetProperty("events"));
    }

    private static void ShouldBeOnTime(JsonElement run) => ShouldBeOnTime(run, run.GetProperty("events"));

    private static void ShouldBeOnTime(JsonElement made, JsonElement events)
    {
        var booking = made.GetProperty("booking");
        booking.GetProperty("state").GetString().ShouldBe("BOOKING_STATE_CONFIRMED");
        var seen = events.EnumerateArray().Where(e => e.GetProperty("change").GetString() != "BOOKING_CHANGE_CREATED").ToList();
        seen.Select(e => e.GetProperty("change").GetString()).ShouldBe(["BOOKING_CHANGE_ACTIVATED", "BOOKING_CHANGE_COMPLETED"]);
        seen.Select(e => e.GetProperty("state").GetString()).ShouldBe(["BOOKING_STATE_ACTIVE", "BOOKING_STATE_COMPLETED"]);
        var due = new[] { booking.GetProperty("start").GetDouble(), booking.GetProperty("end").GetDouble() };
        for (var i = 0; i < 2; i++)
        {
            var late = seen[i].GetProperty("received").GetDouble() - due[i];
            late.ShouldBeInRange(0, Punctual, $"{seen[i].GetProperty("change")} arrived {late:F3} s after its time");
        }
    }

    private static async Task<JsonElement> RunAsync(string mode, string address, params string[] args)
    {
        var script = Path.Combine(Repository.Root, "tests", "RangeScheduler.Server.Tests", "EndToEnd", "python", "session_watch.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[script, mode, "--target", new Uri(address).Authority, .. args])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start: run tools/test.sh");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        process.ExitCode.ShouldBe(0, $"session_watch.py {mode} failed: {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement;
    }
}
