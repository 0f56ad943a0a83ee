using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>A controller's WatchRange read in the background, every event kept in order.</summary>
internal sealed class RangeEventWatcher : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<RangeEvent> _call;
    private readonly List<RangeEvent> _events = [];
    private readonly Task _reading;

    private RangeEventWatcher(AsyncServerStreamingCall<RangeEvent> call)
    {
        _call = call;
        _reading = ReadAsync();
    }

    /// <summary>Watches once the server has subscribed (its headers arrived): no later event is missed.</summary>
    public static async Task<RangeEventWatcher> StartAsync(GrpcChannel channel, WatchRangeRequest request, string principalId = "ctl-jaakonmeri")
    {
        var call = new MonitorServiceClient(channel).WatchRange(request, Calls.As(principalId) with { Deadline = DateTime.UtcNow.AddMinutes(5) });
        await call.ResponseHeadersAsync;
        return new RangeEventWatcher(call);
    }

    public IReadOnlyList<RangeEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    public Task Ended => _reading;

    public async Task<RangeEvent> WaitForAsync(Func<RangeEvent, bool> match, TimeSpan timeout)
    {
        var giveUp = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Events.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            if (_reading.IsCompleted)
            {
                await _reading;
                throw new InvalidOperationException("The watch ended.");
            }
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException("No matching event; seen: " + string.Join(", ", Events.Select(e => e.EventCase)));
            }
            await Task.Delay(10);
        }
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

    private async Task ReadAsync()
    {
        while (await _call.ResponseStream.MoveNext(CancellationToken.None))
        {
            lock (_events)
            {
                _events.Add(_call.ResponseStream.Current);
            }
        }
    }
}
