using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RangeScheduler.Grpc.Server;

/// <summary>What every call handler shares: options, clock, interceptors, logger and the shutdown signal.</summary>
internal sealed class GrpcCallEnvironment
{
    public GrpcCallEnvironment(
        IOptions<GrpcServerOptions> options,
        TimeProvider time,
        IEnumerable<IServerCallInterceptor> interceptors,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        Options = options.Value;
        Time = time;
        Interceptors = interceptors.ToArray();
        ShuttingDown = lifetime.ApplicationStopping;
        Logger = loggers.CreateLogger("RangeScheduler.Grpc.Server");
    }

    public GrpcServerOptions Options { get; }

    public TimeProvider Time { get; }

    public IReadOnlyList<IServerCallInterceptor> Interceptors { get; }

    /// <summary>Cancelled when the host begins a graceful shutdown: open streams end with UNAVAILABLE.</summary>
    public CancellationToken ShuttingDown { get; }

    public ILogger Logger { get; }
}
