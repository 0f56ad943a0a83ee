using Microsoft.Extensions.DependencyInjection;
using RangeScheduler.Grpc.Health;
using RangeScheduler.Grpc.Health.V1;
using RangeScheduler.Grpc.Tests.TestServices;
using ServingStatus = RangeScheduler.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace RangeScheduler.Grpc.Tests.Health;

public sealed class HealthServiceTests
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(HealthReflection.Descriptor.Services[0].FindMethodByName("Check"));

    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch =
        Method<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(HealthReflection.Descriptor.Services[0].FindMethodByName("Watch"));

    [Theory]
    [InlineData("")]
    [InlineData("rangescheduler.testing.v1.EchoService")]
    [InlineData("grpc.health.v1.Health")]
    public async Task CheckOfServerOrMappedService_Serving(string service)
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        (await channel.AsyncUnaryCall(Check, new HealthCheckRequest { Service = service })).Status.ShouldBe(ServingStatus.Serving);
    }

    [Fact]
    public async Task CheckOfUnknownService_NotFound()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(Check, new HealthCheckRequest { Service = "no.such.Service" }));
        e.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task Watch_SendsTheCurrentStatusThenEachChange()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        using var call = channel.AsyncServerStreamingCall(Watch, new HealthCheckRequest { Service = "rangescheduler.testing.v1.EchoService" });
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        call.ResponseStream.Current.Status.ShouldBe(ServingStatus.Serving);

        server.Services.GetRequiredService<HealthStatusRegistry>().SetStatus("rangescheduler.testing.v1.EchoService", ServingStatus.NotServing);
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        call.ResponseStream.Current.Status.ShouldBe(ServingStatus.NotServing);
    }

    [Fact]
    public async Task WatchOfUnknownService_ServiceUnknownAndStaysOpenUntilItIsKnown()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        using var call = channel.AsyncServerStreamingCall(Watch, new HealthCheckRequest { Service = "later.Service" });
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        call.ResponseStream.Current.Status.ShouldBe(ServingStatus.ServiceUnknown);

        server.Services.GetRequiredService<HealthStatusRegistry>().SetStatus("later.Service", ServingStatus.Serving);
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        call.ResponseStream.Current.Status.ShouldBe(ServingStatus.Serving);
    }

    [Fact]
    public async Task ServerStops_WatchersHearNotServingOrUnavailable()
    {
        var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        using var call = channel.AsyncServerStreamingCall(Watch, new HealthCheckRequest());
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        var registry = server.Services.GetRequiredService<HealthStatusRegistry>();

        await server.DisposeAsync();

        registry.TryGetStatus("", out var status).ShouldBeTrue();
        status.ShouldBe(ServingStatus.NotServing);
        try
        {
            while (await call.ResponseStream.MoveNext(default))
            {
                call.ResponseStream.Current.Status.ShouldBe(ServingStatus.NotServing);
            }
        }
        catch (RpcException e)
        {
            e.StatusCode.ShouldBe(StatusCode.Unavailable);
        }
    }
}
