using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Identities;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Serves <c>rangescheduler.v1.TelemetryService</c>: a ground station's stream of position
/// batches in, and its acknowledgements (one per batch, in order), alerts and commands out.
/// Bad reports are rejected in the Ack; the stream stays open.
/// </summary>
public sealed class TelemetryGrpcService(PositionIngest ingest, StationRoutes routes, CommandBoard board, CommandDelivery commands)
{
    public async Task StreamPositions(IAsyncStreamReader<PositionBatch> requests, IServerStreamWriter<TelemetryFeedback> responses, ServerCallContext context)
    {
        var caller = context.Caller();
        var cancellationToken = context.CancellationToken;
        // Only ground stations reach here (AccessRules), and every ground station has an organisation.
        var station = new StationStream(caller.Organization!);
        var writing = WriteFeedbackAsync(station, responses, cancellationToken);
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var batch = requests.Current;
                foreach (var receipt in batch.Receipts)
                {
                    commands.Receive(receipt, station);
                }
                var ack = await ingest.IngestAsync(station, batch, cancellationToken).ConfigureAwait(false);
                await station.AcknowledgeAsync(ack, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            routes.Drop(station);
            board.Forget(station);
            station.Close();
            // Lets the writer send what is queued; its own failure surfaces below, not over the reader's.
            await Task.WhenAny(writing).ConfigureAwait(false);
        }
        await writing.ConfigureAwait(false);
    }

    // The stream's one writer: acks, alerts and commands go out in the order they were queued.
    private static async Task WriteFeedbackAsync(StationStream station, IServerStreamWriter<TelemetryFeedback> responses, CancellationToken cancellationToken)
    {
        await foreach (var feedback in station.Feedback.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await responses.WriteAsync(feedback).ConfigureAwait(false);
        }
    }
}
