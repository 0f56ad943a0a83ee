using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class ExceptionTranslationTests
{
    [Fact]
    public async Task TranslatedException_EndsTheCallWithTheApplicationsStatus()
    {
        await using var server = await TestServer.StartAsync(configureOptions: o => o.TranslateException =
            e => e is InvalidOperationException ? new RpcException(new Status(StatusCode.FailedPrecondition, "mapped: " + e.Message)) : null);
        using var channel = server.CreateChannel();

        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { FailWithCode = -1, FailMessage = "booking is active" }));

        e.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        e.Status.Detail.ShouldBe("mapped: booking is active");
    }

    [Fact]
    public async Task UntranslatedException_UnknownWithoutItsMessage()
    {
        await using var server = await TestServer.StartAsync(configureOptions: o => o.TranslateException = _ => null);
        using var channel = server.CreateChannel();

        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { FailWithCode = -1, FailMessage = "secret internals" }));

        e.StatusCode.ShouldBe(StatusCode.Unknown);
        e.Status.Detail.ShouldNotContain("secret");
    }
}
