using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RangeScheduler.Grpc.Health;
using RangeScheduler.Grpc.Reflection;

namespace RangeScheduler.Grpc.Server;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="service"/> with the same-named public methods of
    /// <typeparamref name="TService"/>: a singleton taken from DI, or made once with its
    /// constructor's dependencies. Methods it lacks answer UNIMPLEMENTED.
    /// </summary>
    public static IEndpointRouteBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints, ServiceDescriptor service)
        where TService : class
    {
        var handler = ActivatorUtilities.GetServiceOrCreateInstance<TService>(endpoints.ServiceProvider);
        return endpoints.MapGrpcHandlers(service, ServiceMethodBinder.Bind(service, handler, Environment(endpoints)));
    }

    /// <summary>Serves grpc.health.v1.Health; every mapped service reports SERVING until the host stops.</summary>
    public static IEndpointRouteBuilder MapGrpcHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<HealthService>(Health.V1.HealthReflection.Descriptor.Services[0]);

    /// <summary>Serves server reflection, v1 and v1alpha, describing every mapped service.</summary>
    public static IEndpointRouteBuilder MapGrpcReflection(this IEndpointRouteBuilder endpoints)
    {
        var service = ActivatorUtilities.GetServiceOrCreateInstance<ReflectionService>(endpoints.ServiceProvider);
        var environment = Environment(endpoints);
        endpoints.MapGrpcHandlers(Reflection.V1.ReflectionReflection.Descriptor.Services[0],
            ServiceMethodBinder.Bind(Reflection.V1.ReflectionReflection.Descriptor.Services[0], service, environment));
        // v1alpha has the same messages under another package: the v1 handler serves it unchanged.
        var alpha = Reflection.V1Alpha.ReflectionReflection.Descriptor.Services[0];
        var alphaHandler = ServiceMethodBinder.Create(alpha.Methods[0],
            typeof(Reflection.V1.ServerReflectionRequest), typeof(Reflection.V1.ServerReflectionResponse),
            new DuplexStreamingServerMethod<Reflection.V1.ServerReflectionRequest, Reflection.V1.ServerReflectionResponse>(service.ServerReflectionInfo),
            environment);
        return endpoints.MapGrpcHandlers(alpha, [alphaHandler]);
    }

    private static IEndpointRouteBuilder MapGrpcHandlers(this IEndpointRouteBuilder endpoints, ServiceDescriptor service, IEnumerable<ServerCallHandler> handlers)
    {
        var registry = endpoints.ServiceProvider.GetRequiredService<GrpcServiceRegistry>();
        registry.Add(service);
        endpoints.ServiceProvider.GetRequiredService<HealthStatusRegistry>().MarkServing(service.FullName);
        foreach (var handler in handlers)
        {
            endpoints.MapPost(handler.Path, handler.HandleAsync);
        }
        if (!registry.FallbackMapped)
        {
            registry.FallbackMapped = true;
            var environment = Environment(endpoints);
            endpoints.MapFallback(http => UnimplementedCallHandler.HandleUnknownPathAsync(http, environment));
        }
        return endpoints;
    }

    private static GrpcCallEnvironment Environment(IEndpointRouteBuilder endpoints) =>
        endpoints.ServiceProvider.GetRequiredService<GrpcCallEnvironment>();
}
