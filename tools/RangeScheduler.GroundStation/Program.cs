using System.CommandLine;
using RangeScheduler.GroundStation.Replay;

var root = new RootCommand("RangeScheduler ground station: replays real telemetry logs into bookings and simulates swarms.")
{
    ReplayCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
