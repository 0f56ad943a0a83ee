using System.Collections.Concurrent;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.GroundStation.Station;

/// <summary>
/// One <c>StreamPositions</c> call as a ground station holds it: batches out with increasing
/// batch ids; acks, alerts and commands in, counted and handed to an optional observer.
/// Every command is answered ACKNOWLEDGED with a <see cref="CommandReceipt"/> in the next
/// batch (DESIGN.md "Telemetry and conformance": commands are re-delivered until a receipt
/// arrives), or in a batch of its own when the stream ends.
/// </summary>
public sealed class StationLink : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly AsyncDuplexStreamingCall<PositionBatch, TelemetryFeedback> _call;
    private readonly IStationObserver? _observer;
    private readonly ConcurrentQueue<CommandReceipt> _receipts = new();
    private readonly Task _reading;
    private ulong _nextBatchId = 1;
    private long _acks;

    public StationLink(TelemetryServiceClient client, CallOptions options, FeedbackCounts counts, IStationObserver? observer = null)
    {
        Counts = counts;
        _observer = observer;
        _call = client.StreamPositions(options);
        _reading = Task.Run(ReadAsync);
    }

    public FeedbackCounts Counts { get; }

    /// <summary>
    /// Sends <paramref name="batch"/> with the next batch id and any receipts owed. The caller
    /// may reuse the batch once this returns: it has been serialised.
    /// </summary>
    public async Task SendAsync(PositionBatch batch)
    {
        batch.BatchId = _nextBatchId++;
        var owed = !_receipts.IsEmpty;
        while (_receipts.TryDequeue(out var receipt))
        {
            batch.Receipts.Add(receipt);
        }
        await _call.RequestStream.WriteAsync(batch).ConfigureAwait(false);
        Counts.Sent(batch.Reports.Count);
        _observer?.OnSent(batch);
        if (owed)
        {
            batch.Receipts.Clear();
        }
    }

    /// <summary>
    /// Waits (up to 10 s) for the acks of every batch sent, sends the receipts still owed,
    /// ends the request stream and reads what the server still sends until it ends the call.
    /// </summary>
    public async Task CompleteAsync()
    {
        await AwaitAcksAsync().ConfigureAwait(false);
        // Commands that came with the last acks still need their receipts, and those a batch.
        while (!_receipts.IsEmpty && !_reading.IsCompleted)
        {
            await SendAsync(new PositionBatch()).ConfigureAwait(false);
            await AwaitAcksAsync().ConfigureAwait(false);
        }
        await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
        await _reading.WaitAsync(DrainTimeout).ConfigureAwait(false);
    }

    private async Task AwaitAcksAsync()
    {
        var deadline = DateTime.UtcNow + DrainTimeout;
        while (Interlocked.Read(ref _acks) < (long)(_nextBatchId - 1) && DateTime.UtcNow < deadline && !_reading.IsCompleted)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _call.Dispose();
        // The reader ends with CANCELLED once the call is disposed; that is the expected end here.
        await _reading.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    private async Task ReadAsync()
    {
        while (await _call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            var feedback = _call.ResponseStream.Current;
            switch (feedback.KindCase)
            {
                case TelemetryFeedback.KindOneofCase.Ack:
                    Counts.Acked(feedback.Ack);
                    Interlocked.Increment(ref _acks);
                    _observer?.OnAck(feedback.Ack);
                    break;
                case TelemetryFeedback.KindOneofCase.Alert:
                    Counts.Alerted(feedback.Alert.Kind);
                    _observer?.OnAlert(feedback.Alert);
                    break;
                case TelemetryFeedback.KindOneofCase.Command:
                    Counts.Commanded();
                    _receipts.Enqueue(new CommandReceipt { CommandId = feedback.Command.Id, Status = CommandStatus.Acknowledged, Message = "received by the ground-station tool" });
                    _observer?.OnCommand(feedback.Command);
                    break;
            }
        }
    }
}
