using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RangeScheduler.Grpc.Server;
using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class ServiceMethodBinderTests
{
    [Fact]
    public void MethodWithTheWrongSignature_StopsMappingWithTheExpectedShape()
    {
        var app = NewApp();
        var e = Should.Throw<InvalidOperationException>(() => app.MapGrpcService<WrongSignature>(EchoService.Descriptor));
        e.Message.ShouldContain("WrongSignature.Echo");
        e.Message.ShouldContain("EchoRequest, ServerCallContext");
    }

    [Fact]
    public void SameServiceMappedTwice_Rejected()
    {
        var app = NewApp();
        app.MapGrpcService<EchoService>(EchoService.Descriptor);
        Should.Throw<InvalidOperationException>(() => app.MapGrpcService<EchoService>(EchoService.Descriptor)).Message.ShouldContain("twice");
    }

    [Fact]
    public void MappedServices_ListedInTheRegistryInOrder()
    {
        var app = NewApp();
        app.MapGrpcService<EchoService>(EchoService.Descriptor);
        app.MapGrpcHealth();
        app.Services.GetRequiredService<GrpcServiceRegistry>().Services.Select(s => s.FullName)
            .ShouldBe(["rangescheduler.testing.v1.EchoService", "grpc.health.v1.Health"]);
    }

    private static WebApplication NewApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpcTransport();
        builder.Services.AddRouting();
        builder.Services.AddSingleton<CallLog>();
        return builder.Build();
    }

    private sealed class WrongSignature
    {
        public EchoReply Echo(EchoRequest request) => new() { Text = request.Text };
    }
}
