using System.Collections.Concurrent;
using System.Security.Cryptography;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Watching;

namespace RangeScheduler.Telemetry.InProcess;

/// <summary>
/// The embedded default bus: events reach the watchers of this process only, and recent
/// entries are retained in memory so that a cursor resumes within this process run. Cursors
/// carry a random epoch per instance, so one from an earlier run is "not retained".
/// </summary>
public sealed class InProcessRangeBus : IRangeBus
{
    private readonly ConcurrentDictionary<string, MemoryRange> _ranges = new(StringComparer.Ordinal);
    private readonly RangeBusOptions _options;
    private readonly TimeProvider _time;
    private readonly string _origin = "m" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public InProcessRangeBus(RangeBusOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    public void Publish(string rangeId, RangeEvent rangeEvent) => Range(rangeId).Publish(rangeEvent);

    public void PublishPositions(string rangeId, IReadOnlyList<PositionUpdate> positions)
    {
        if (positions.Count > 0)
        {
            Range(rangeId).PublishPositions(positions);
        }
    }

    public Task<RangeBusSubscription> SubscribeAsync(string rangeId, string? resumeAfter, bool positions, CancellationToken cancellationToken)
    {
        var range = Range(rangeId);
        var queue = new WatcherQueue(_options.WatcherQueue, _options.CoalescePositionsAfter, positions);
        var (snapshot, eventsLost) = range.Attach(queue, resumeAfter);
        return Task.FromResult(new RangeBusSubscription(queue, snapshot, eventsLost, () =>
        {
            range.Detach(queue);
            return ValueTask.CompletedTask;
        }));
    }

    public Task<RangeLiveView> ReadLiveStateAsync(string rangeId, CancellationToken cancellationToken) =>
        Task.FromResult(Range(rangeId).View());

    public Task<IReadOnlyList<Command>> ReadCommandsAsync(string rangeId, CancellationToken cancellationToken) =>
        Task.FromResult(Range(rangeId).Commands());

    public void ForgetBooking(string rangeId, string bookingId) => Range(rangeId).ForgetBooking(bookingId);

    public Task<IReadOnlyDictionary<(string BookingId, string VehicleId), PositionReport>> FindLatestReportsAsync(
        string rangeId, IReadOnlyCollection<(string BookingId, string VehicleId)> vehicles, CancellationToken cancellationToken) =>
        Task.FromResult(Range(rangeId).LatestReports(vehicles));

    private MemoryRange Range(string rangeId) =>
        _ranges.GetOrAdd(rangeId, static (_, bus) => new MemoryRange(bus._origin, bus._options, bus._time), this);
}
