using System.CommandLine;
using RangeScheduler.GroundStation.Replay;
using RangeScheduler.GroundStation.Swarm;

var root = new RootCommand("RangeScheduler ground station: replays real telemetry logs into bookings and simulates swarms.")
{
    ReplayCommand.Create(),
    SwarmCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
