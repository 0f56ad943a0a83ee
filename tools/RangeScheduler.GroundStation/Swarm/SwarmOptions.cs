using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Station;

namespace RangeScheduler.GroundStation.Swarm;

/// <summary>How a swarm flies and reports.</summary>
/// <param name="Bookings">The bookings whose vehicles fly, each inside its first volume.</param>
/// <param name="RateHz">Fixes per second per vehicle.</param>
/// <param name="StrayFraction">The share of vehicles, [0, 1], that leave their volume once for <see cref="StrayDuration"/> and come back.</param>
/// <param name="Streams">Concurrent StreamPositions calls; vehicles are dealt to them in turn.</param>
/// <param name="BatchInterval">Each stream sends the fixes that fell due once per interval.</param>
/// <param name="MarginMeters">How far inside its volume's edge a non-straying vehicle stays.</param>
public sealed record SwarmOptions(
    Uri Server,
    string ApiKey,
    IReadOnlyList<Booking> Bookings,
    double RateHz,
    TimeSpan Duration,
    double StrayFraction = 0,
    int Streams = 1,
    TimeSpan? BatchInterval = null,
    double SpeedMetersPerSecond = 12,
    double MarginMeters = 25)
{
    public TimeSpan Batch => BatchInterval ?? TimeSpan.FromMilliseconds(100);

    /// <summary>Long enough for a LEFT_VOLUME alert and its RESOLVED, short enough to be an excursion.</summary>
    public TimeSpan StrayDuration { get; init; } = TimeSpan.FromSeconds(6);
}

/// <summary>What a swarm run did.</summary>
/// <param name="Totals">Fixes sent and the server's acks, rejections, alerts by kind and commands.</param>
public sealed record SwarmResult(int Vehicles, int StrayingVehicles, TimeSpan Elapsed, FeedbackSnapshot Totals)
{
    public double FixesPerSecond => Elapsed > TimeSpan.Zero ? Totals.Fixes / Elapsed.TotalSeconds : 0;
}
