using Google.Protobuf.Reflection;

namespace RangeScheduler.Grpc.Server;

/// <summary>The services this server has mapped, in mapping order: what reflection lists and health knows.</summary>
public sealed class GrpcServiceRegistry
{
    private readonly List<ServiceDescriptor> _services = new();

    public IReadOnlyList<ServiceDescriptor> Services => _services;

    internal bool FallbackMapped { get; set; }

    internal void Add(ServiceDescriptor service)
    {
        if (_services.Any(s => s.FullName == service.FullName))
        {
            throw new InvalidOperationException($"Service {service.FullName} is mapped twice.");
        }
        _services.Add(service);
    }
}
