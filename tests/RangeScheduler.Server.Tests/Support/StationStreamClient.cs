using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>
/// A ground station's StreamPositions call for tests: batches out, and every ack, alert and
/// command read in the background with the moment it arrived.
/// </summary>
internal sealed class StationStreamClient : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<PositionBatch, TelemetryFeedback> _call;
    private readonly List<(TelemetryFeedback Feedback, DateTimeOffset At)> _received = [];
    private readonly Task _reading;
    private ulong _batchId;

    private StationStreamClient(AsyncDuplexStreamingCall<PositionBatch, TelemetryFeedback> call)
    {
        _call = call;
        _reading = ReadAsync();
    }

    public static StationStreamClient Open(GrpcChannel channel, string principalId = "gs-oceanalpha-1") =>
        new(new TelemetryServiceClient(channel).StreamPositions(Calls.As(principalId) with { Deadline = DateTime.UtcNow.AddMinutes(5) }));

    public IReadOnlyList<Alert> Alerts => Of(f => f.Alert);

    public IReadOnlyList<Command> Commands => Of(f => f.Command);

    /// <summary>Sends the reports as one batch and waits for its ack.</summary>
    public async Task<Ack> SendAsync(params PositionReport[] reports)
    {
        var batch = new PositionBatch { BatchId = Interlocked.Increment(ref _batchId) };
        batch.Reports.Add(reports);
        return await SendAsync(batch);
    }

    public async Task<Ack> SendAsync(PositionBatch batch)
    {
        await _call.RequestStream.WriteAsync(batch);
        return await WaitForAsync(f => f.Ack?.BatchId == batch.BatchId ? f.Ack : null, TimeSpan.FromSeconds(10));
    }

    /// <summary>The first feedback <paramref name="pick"/> accepts, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<TelemetryFeedback, T?> pick, TimeSpan timeout)
        where T : class
    {
        var giveUp = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_received)
            {
                foreach (var (feedback, _) in _received)
                {
                    if (pick(feedback) is { } picked)
                    {
                        return picked;
                    }
                }
            }
            if (_reading.IsCompleted)
            {
                await _reading;
                throw new InvalidOperationException("The stream ended.");
            }
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException("Nothing matching arrived; received: " + string.Join(", ", Received().Select(f => f.KindCase)));
            }
            await Task.Delay(10);
        }
    }

    public async Task CompleteAsync()
    {
        await _call.RequestStream.CompleteAsync();
        await _reading;
    }

    public async ValueTask DisposeAsync()
    {
        _call.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception)
        {
            // The stream ends with CANCELLED when the test is done with it.
        }
    }

    /// <summary>A report of <paramref name="vehicleId"/> at metre offsets from the Jaakonmeri centre, timed now.</summary>
    public static PositionReport Report(string bookingId, string vehicleId, ulong sequence, double east, double north, double? depth = null, DateTimeOffset? at = null)
    {
        var point = Requests.Offset(east, north);
        var report = new PositionReport
        {
            BookingId = bookingId,
            VehicleId = vehicleId,
            Sequence = sequence,
            Latitude = point.Latitude,
            Longitude = point.Longitude,
            Time = Timestamp.FromDateTimeOffset(at ?? DateTimeOffset.UtcNow),
        };
        if (depth is { } d)
        {
            report.DepthM = d;
        }
        return report;
    }

    private List<TelemetryFeedback> Received()
    {
        lock (_received)
        {
            return _received.Select(r => r.Feedback).ToList();
        }
    }

    private IReadOnlyList<T> Of<T>(Func<TelemetryFeedback, T?> pick)
        where T : class => Received().Select(pick).OfType<T>().ToList();

    private async Task ReadAsync()
    {
        while (await _call.ResponseStream.MoveNext(CancellationToken.None))
        {
            lock (_received)
            {
                _received.Add((_call.ResponseStream.Current, DateTimeOffset.UtcNow));
            }
        }
    }
}
