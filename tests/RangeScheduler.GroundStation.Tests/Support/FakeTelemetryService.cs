using System.Collections.Concurrent;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;

namespace RangeScheduler.GroundStation.Tests.Support;

/// <summary>
/// Acks every batch with all its reports accepted; before the ack of the first batch with
/// reports it sends a HOLD command and a NEAR_BOUNDARY alert for that batch's first vehicle.
/// Keeps every batch.
/// </summary>
internal sealed class FakeTelemetryService
{
    public const string CommandId = "cmd-hold-1";

    public ConcurrentQueue<PositionBatch> Batches { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public async Task StreamPositions(IAsyncStreamReader<PositionBatch> requests, IServerStreamWriter<TelemetryFeedback> responses, ServerCallContext context)
    {
        Authorizations.Enqueue(context.RequestHeaders.GetValue("authorization") ?? "");
        var first = true;
        while (await requests.MoveNext(context.CancellationToken))
        {
            var batch = requests.Current;
            Batches.Enqueue(batch);
            if (first && batch.Reports.Count > 0)
            {
                first = false;
                var report = batch.Reports[0];
                await responses.WriteAsync(new TelemetryFeedback { Command = new Command { Id = CommandId, BookingId = report.BookingId, VehicleId = report.VehicleId, Kind = CommandKind.Hold, Message = "hold for traffic" } });
                await responses.WriteAsync(new TelemetryFeedback { Alert = new Alert { Id = "alert-1", Kind = AlertKind.NearBoundary, VehicleId = report.VehicleId, Message = "near the edge" } });
            }
            await responses.WriteAsync(new TelemetryFeedback { Ack = new Ack { BatchId = batch.BatchId, Accepted = (uint)batch.Reports.Count } });
        }
    }
}
