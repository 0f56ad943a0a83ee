using RangeScheduler.Benchmarks.Bookings;
using RangeScheduler.Benchmarks.Conflicts;
using RangeScheduler.Benchmarks.Support;
using RangeScheduler.Benchmarks.Telemetry;
using RangeScheduler.Benchmarks.Transport;

var scenario = args.FirstOrDefault() ?? "help";
var seconds = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 10;
switch (scenario)
{
    case "transport":
        await TransportBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), Console.Out);
        return 0;
    case "bookings":
        await CreateBookingBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), Console.Out);
        return 0;
    case "conflicts":
        await ConflictBenchmark.RunAsync(
            args.Length > 1 && int.TryParse(args[1], out var checks) ? checks : 20_000,
            args.Length > 2 && int.TryParse(args[2], out var size) ? [size] : ConflictBenchmark.DefaultSizes,
            Console.Out);
        return 0;
    case "telemetry":
        await TelemetryBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), args.Length > 2 && int.TryParse(args[2], out var vehicles) ? vehicles : TelemetryBenchmark.DefaultVehicles, Console.Out);
        return 0;
    case "serve":
        // The telemetry benchmark's server process (Support/ServerProcess.cs), not a benchmark of its own.
        await ServerProcess.ServeAsync(args[1..], Console.Out);
        return 0;
    default:
        Console.WriteLine("usage: RangeScheduler.Benchmarks transport [seconds-per-scenario] | bookings [seconds-per-case] | conflicts [checks-per-size [bookings]] | telemetry [seconds-measured [vehicles]]");
        return scenario == "help" ? 0 : 2;
}
