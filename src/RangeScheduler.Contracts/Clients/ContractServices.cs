using Google.Protobuf.Reflection;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;

namespace RangeScheduler.Contracts.Clients;

/// <summary>
/// The v1 contract's services as the .proto files declare them: what the server maps and
/// the clients call, so that both take method names and types from one source.
/// </summary>
public static class ContractServices
{
    public static ServiceDescriptor RangeService { get; } = Find(RangesReflection.Descriptor, "RangeService");

    public static ServiceDescriptor BookingService { get; } = Find(BookingsReflection.Descriptor, "BookingService");

    public static ServiceDescriptor TelemetryService { get; } = Find(TelemetryReflection.Descriptor, "TelemetryService");

    public static ServiceDescriptor MonitorService { get; } = Find(TelemetryReflection.Descriptor, "MonitorService");

    /// <summary>Every service of the contract.</summary>
    public static IReadOnlyList<ServiceDescriptor> All { get; } = [RangeService, BookingService, TelemetryService, MonitorService];

    /// <summary>
    /// A method of a contract service; throws when the service has no such method or its
    /// message types differ, so a client out of step with the contract fails on first use.
    /// </summary>
    public static Method<TRequest, TResponse> MethodOf<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Method<TRequest, TResponse>.FromDescriptor(
            service.FindMethodByName(name) ?? throw new ArgumentException($"{service.FullName} has no method {name}.", nameof(name)));

    private static ServiceDescriptor Find(FileDescriptor file, string name) =>
        file.Services.Single(service => service.Name == name);
}
