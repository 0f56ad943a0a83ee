using System.Threading.Channels;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// What goes back to one ground station on its StreamPositions call: acknowledgements in
/// batch order, and alerts and commands about the vehicles it carries, all through one
/// queue that the call's single writer drains. Acks wait for room (the station's own
/// stream slows down); alerts and commands from elsewhere never wait: when a station does
/// not read its stream they are dropped for it, since they are on the range's bus too.
/// </summary>
public sealed class StationStream(string organizationId)
{
    private const int Capacity = 4_096;

    private readonly Channel<TelemetryFeedback> _feedback = Channel.CreateBounded<TelemetryFeedback>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public string OrganizationId { get; } = organizationId;

    public ChannelReader<TelemetryFeedback> Feedback => _feedback.Reader;

    public ValueTask AcknowledgeAsync(Ack ack, CancellationToken cancellationToken) =>
        _feedback.Writer.WriteAsync(new TelemetryFeedback { Ack = ack }, cancellationToken);

    public bool TrySend(Alert alert) => _feedback.Writer.TryWrite(new TelemetryFeedback { Alert = alert });

    public bool TrySend(Command command) => _feedback.Writer.TryWrite(new TelemetryFeedback { Command = command });

    public void Close() => _feedback.Writer.TryComplete();
}
