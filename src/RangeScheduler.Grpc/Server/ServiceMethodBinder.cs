using System.Reflection;
using Google.Protobuf.Reflection;

namespace RangeScheduler.Grpc.Server;

/// <summary>
/// Binds the methods of a .proto service to the public methods of a handler object that
/// have the same names, once at start-up. A method the handler lacks answers UNIMPLEMENTED;
/// one with the right name but the wrong signature stops start-up.
/// </summary>
internal static class ServiceMethodBinder
{
    public static IEnumerable<ServerCallHandler> Bind(ServiceDescriptor service, object handler, GrpcCallEnvironment environment)
    {
        foreach (var method in service.Methods)
        {
            var target = handler.GetType().GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance);
            yield return target is null
                ? new UnimplementedCallHandler($"/{service.FullName}/{method.Name}", environment)
                : Create(method, handler, target, environment);
        }
    }

    /// <summary>Binds one method to a handler delegate whose message types may differ from the descriptor's but share its wire format.</summary>
    public static ServerCallHandler Create(MethodDescriptor method, Type requestType, Type responseType, Delegate invoker, GrpcCallEnvironment environment)
    {
        var type = TypeOfMethod(method);
        var methodObject = Activator.CreateInstance(typeof(Method<,>).MakeGenericType(requestType, responseType), type, method.Service.FullName, method.Name)!;
        var handlerType = HandlerType(type).MakeGenericType(requestType, responseType);
        return (ServerCallHandler)Activator.CreateInstance(handlerType, methodObject, invoker, environment)!;
    }

    private static ServerCallHandler Create(MethodDescriptor method, object handler, MethodInfo target, GrpcCallEnvironment environment)
    {
        var request = method.InputType.ClrType;
        var response = method.OutputType.ClrType;
        var delegateType = DelegateType(TypeOfMethod(method)).MakeGenericType(request, response);
        var invoker = Delegate.CreateDelegate(delegateType, handler, target, throwOnBindFailure: false)
            ?? throw new InvalidOperationException(
                $"{handler.GetType().Name}.{target.Name} does not match {method.FullName}: expected the signature of {Describe(delegateType)}.");
        return Create(method, request, response, invoker, environment);
    }

    private static MethodType TypeOfMethod(MethodDescriptor method) =>
        (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };

    private static Type DelegateType(MethodType type) => type switch
    {
        MethodType.Unary => typeof(UnaryServerMethod<,>),
        MethodType.ServerStreaming => typeof(ServerStreamingServerMethod<,>),
        MethodType.ClientStreaming => typeof(ClientStreamingServerMethod<,>),
        _ => typeof(DuplexStreamingServerMethod<,>),
    };

    private static Type HandlerType(MethodType type) => type switch
    {
        MethodType.Unary => typeof(UnaryServerCallHandler<,>),
        MethodType.ServerStreaming => typeof(ServerStreamingServerCallHandler<,>),
        MethodType.ClientStreaming => typeof(ClientStreamingServerCallHandler<,>),
        _ => typeof(DuplexStreamingServerCallHandler<,>),
    };

    private static string Describe(Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        return $"{invoke.ReturnType.Name} ({string.Join(", ", invoke.GetParameters().Select(p => p.ParameterType.Name))})";
    }
}
