using System.CommandLine;

namespace RangeScheduler.GroundStation.Replay;

/// <summary><c>replay</c>: streams a real log into a booking (see README.md).</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var server = StationOptions.Server();
        var key = StationOptions.Key();
        var batchMs = StationOptions.BatchMilliseconds();
        var booking = new Option<string>("--booking") { Description = "The booking to report into.", Required = true };
        var vehicle = new Option<string?>("--vehicle") { Description = "The booking's vehicle to report as; default: its first vehicle." };
        var file = new Option<FileInfo>("--file") { Description = "The log: .tlog (MAVLink), NMEA GGA/RMC, or AIS !AIVDM.", Required = true };
        var track = new Option<string?>("--track") { Description = "The log's vehicle to replay (MMSI, MAVLink system id); default: the one with the most fixes." };
        var speed = new Option<double>("--speed")
        {
            Description = "1 = real time, 10 = ten times faster, 0 = as fast as possible.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("replay", "Streams a real telemetry log into a booking, moved onto its first volume.")
        {
            server, key, booking, vehicle, file, track, speed, batchMs,
        };
        command.SetAction((parse, cancellationToken) => CommandFailures.ReportAsync(async () =>
        {
            var options = new ReplayOptions(
                StationOptions.ServerUri(parse.GetValue(server)!),
                parse.GetValue(key)!,
                parse.GetValue(booking)!,
                parse.GetValue(vehicle),
                parse.GetValue(file)!.FullName,
                parse.GetValue(track),
                parse.GetValue(speed),
                StationOptions.BatchInterval(parse.GetValue(batchMs)));
            var summary = await new ReplayRunner(Console.Out, TimeProvider.System).RunAsync(options, cancellationToken).ConfigureAwait(false);
            return summary.Rejected == 0 ? 0 : 2;
        }));
        return command;
    }
}
