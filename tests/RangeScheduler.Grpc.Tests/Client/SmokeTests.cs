using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Client;

public sealed class SmokeTests
{
    [Fact]
    public async Task UnaryEcho_ReturnsText()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        var reply = await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Text = "hello" });
        reply.Text.ShouldBe("hello");
    }
}
