using System.Threading.Channels;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Telemetry;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Sends what conformance produced where it belongs, without waiting on anyone: each alert
/// onto the range's bus (WatchRange, live state) and to the station stream carrying its
/// vehicle; each change of a booking's conformance to the queue the
/// <see cref="ConformanceRecorder"/> writes from.
/// </summary>
public sealed class ConformanceDispatch(IRangeBus bus, StationRoutes routes)
{
    private readonly Channel<(string RangeId, Domain.Conformance.ConformanceChange Change)> _changes =
        Channel.CreateUnbounded<(string, Domain.Conformance.ConformanceChange)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Conformance changes waiting to be written to their bookings.</summary>
    public ChannelReader<(string RangeId, Domain.Conformance.ConformanceChange Change)> Changes => _changes.Reader;

    public void Send(string rangeId, MonitorOutcome outcome)
    {
        foreach (var raised in outcome.Alerts)
        {
            var alert = AlertMapping.ToContract(raised);
            bus.Publish(rangeId, new RangeEvent { Time = alert.Time, Alert = alert });
            routes.Carrier(raised.BookingId, raised.VehicleId)?.TrySend(alert);
        }
        foreach (var change in outcome.Changes)
        {
            _changes.Writer.TryWrite((rangeId, change));
        }
    }
}
