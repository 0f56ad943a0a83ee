using Google.Protobuf;
using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

/// <summary>Kestrel's request body limits are for uploads; a gRPC stream may run for hours and carry any volume.</summary>
public sealed class StreamingLimitsTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    [Fact]
    public async Task ClientStreamBeyondKestrelsBodySizeLimit_Completes()
    {
        using var channel = fixture.Server.CreateChannel();
        using var call = channel.AsyncClientStreamingCall(EchoMethods.Collect);
        var chunk = ByteString.CopyFrom(new byte[900_000]);
        for (var i = 0; i < 40; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = "c", Payload = chunk });
        }
        await call.RequestStream.CompleteAsync();

        (await call).Count.ShouldBe(40u);
    }

    [Fact]
    public async Task IdleClientStreamBeyondKestrelsDataRateGracePeriod_StaysOpen()
    {
        using var channel = fixture.Server.CreateChannel();
        using var call = channel.AsyncDuplexStreamingCall(EchoMethods.Chat);
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "first" });
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();

        // Kestrel's default minimum request data rate allows 5 s of grace before it aborts a slow body.
        await Task.Delay(TimeSpan.FromSeconds(7));
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "after a quiet spell" });
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        call.ResponseStream.Current.Text.ShouldBe("after a quiet spell");
        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(default)).ShouldBeFalse();
    }
}
