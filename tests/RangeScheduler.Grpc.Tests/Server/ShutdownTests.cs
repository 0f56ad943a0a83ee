using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class ShutdownTests
{
    [Fact]
    public async Task GracefulShutdown_OpenStreamsEndWithUnavailable()
    {
        var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        using var call = channel.AsyncDuplexStreamingCall(EchoMethods.Chat);
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "before" });
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();

        var stopping = server.DisposeAsync().AsTask();
        var e = await Should.ThrowAsync<RpcException>(() => call.ResponseStream.MoveNext(default));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        e.StatusCode.ShouldBe(StatusCode.Unavailable, e.Status.Detail);
        e.Status.Detail.ShouldContain("shutting down");
    }
}
