using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace RangeScheduler.Grpc;

/// <summary>One method of a service: its shape, its path and how its messages are parsed.</summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    public Method(MethodType type, string serviceName, string name)
    {
        Type = type;
        ServiceName = serviceName;
        Name = name;
        FullName = $"/{serviceName}/{name}";
    }

    public MethodType Type { get; }

    /// <summary>The fully qualified service name, e.g. <c>grpc.health.v1.Health</c>.</summary>
    public string ServiceName { get; }

    public string Name { get; }

    /// <summary>The HTTP/2 path: <c>/{service}/{method}</c>.</summary>
    public string FullName { get; }

    internal MessageParser<TRequest> RequestParser { get; } = new(static () => new TRequest());

    internal MessageParser<TResponse> ResponseParser { get; } = new(static () => new TResponse());

    /// <summary>
    /// The method as a .proto file declares it. Throws when the descriptor's message types
    /// are not <typeparamref name="TRequest"/> and <typeparamref name="TResponse"/>.
    /// </summary>
    public static Method<TRequest, TResponse> FromDescriptor(MethodDescriptor descriptor)
    {
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{descriptor.FullName} takes {descriptor.InputType.FullName} and returns {descriptor.OutputType.FullName}, " +
                $"not {typeof(TRequest).Name} and {typeof(TResponse).Name}.",
                nameof(descriptor));
        }
        return new Method<TRequest, TResponse>(TypeOf(descriptor), descriptor.Service.FullName, descriptor.Name);
    }

    private static MethodType TypeOf(MethodDescriptor descriptor) =>
        (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
}
