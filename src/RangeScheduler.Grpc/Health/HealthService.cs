using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using RangeScheduler.Grpc.Health.V1;
using ServingStatus = RangeScheduler.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace RangeScheduler.Grpc.Health;

/// <summary>grpc.health.v1.Health over <see cref="HealthStatusRegistry"/>.</summary>
internal sealed class HealthService
{
    private readonly HealthStatusRegistry _registry;

    public HealthService(HealthStatusRegistry registry, IHostApplicationLifetime lifetime)
    {
        _registry = registry;
        lifetime.ApplicationStopping.Register(registry.SetAllNotServing);
    }

    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!_registry.TryGetStatus(request.Service, out var status))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'"));
        }
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        var changes = Channel.CreateUnbounded<ServingStatus>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = _registry.Watch(request.Service, status => changes.Writer.TryWrite(status));
        ServingStatus? last = null;
        try
        {
            await foreach (var status in changes.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                if (status != last)
                {
                    last = status;
                    await responses.WriteAsync(new HealthCheckResponse { Status = status }).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Watch ends only when the caller leaves, its deadline passes or the server stops;
            // the call's status says which.
        }
    }
}
