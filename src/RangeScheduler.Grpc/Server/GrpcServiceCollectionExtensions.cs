using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RangeScheduler.Grpc.Health;

namespace RangeScheduler.Grpc.Server;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gRPC server. Interceptors are registered separately as
    /// <see cref="IServerCallInterceptor"/> singletons and run in registration order.
    /// </summary>
    public static IServiceCollection AddGrpcTransport(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrpcCallEnvironment>();
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<HealthStatusRegistry>();
        return services;
    }
}
