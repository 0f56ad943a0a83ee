using RangeScheduler.Benchmarks.Transport;

var scenario = args.FirstOrDefault() ?? "help";
var seconds = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 10;
switch (scenario)
{
    case "transport":
        await TransportBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), Console.Out);
        return 0;
    default:
        Console.WriteLine("usage: RangeScheduler.Benchmarks transport [seconds-per-scenario]");
        return scenario == "help" ? 0 : 2;
}
