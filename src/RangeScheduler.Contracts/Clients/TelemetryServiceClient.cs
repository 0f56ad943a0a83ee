using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using static RangeScheduler.Contracts.Clients.ContractServices;

namespace RangeScheduler.Contracts.Clients;

/// <summary>Calls <c>rangescheduler.v1.TelemetryService</c>, as a ground station does.</summary>
public sealed class TelemetryServiceClient(GrpcChannel channel)
{
    /// <summary>
    /// Position batches out, one <see cref="Ack"/> per batch (in order) plus alerts and
    /// commands back. Ground stations only.
    /// </summary>
    public AsyncDuplexStreamingCall<PositionBatch, TelemetryFeedback> StreamPositions(CallOptions options = default) =>
        channel.AsyncDuplexStreamingCall(Methods.StreamPositions, options);

    private static class Methods
    {
        public static readonly Method<PositionBatch, TelemetryFeedback> StreamPositions = MethodOf<PositionBatch, TelemetryFeedback>(TelemetryService, nameof(StreamPositions));
    }
}
