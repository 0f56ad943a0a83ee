using System.Text;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class UnaryCallTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private GrpcChannel Channel() => fixture.Server.CreateChannel();

    [Fact]
    public async Task Echo_ReturnsTextAndPayloadWithStatusOk()
    {
        using var channel = Channel();
        using var call = channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Text = "wanshan", Payload = Google.Protobuf.ByteString.CopyFrom(new byte[1000]) });
        var reply = await call;

        reply.Text.ShouldBe("wanshan");
        reply.Payload.Length.ShouldBe(1000);
        call.GetStatus().StatusCode.ShouldBe(StatusCode.OK);
    }

    [Fact]
    public async Task ErrorWithNonAsciiMessage_StatusAndMessageRoundTrip()
    {
        using var channel = Channel();
        const string message = "Höhe außerhalb des Bereichs — 高度超出范围 ✈ 100%";
        var e = await Should.ThrowAsync<RpcException>(async () =>
            await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { FailWithCode = (int)StatusCode.InvalidArgument, FailMessage = message }));

        e.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        e.Status.Detail.ShouldBe(message);
    }

    [Fact]
    public async Task TextAndBinaryMetadata_SeenByHandlerEchoedAsHeadersAndTrailers()
    {
        using var channel = Channel();
        var binary = new byte[] { 0, 1, 0xFE, 0xFF, 0x80 };
        var headers = new Metadata().Add("x-station", "gs-oceanalpha-1").Add("x-blob-bin", binary).Add("other", "not echoed");
        using var call = channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Text = "m" }, new CallOptions(Headers: headers));
        var reply = await call;

        reply.SeenMetadata.ShouldBe(["x-station=gs-oceanalpha-1", "x-blob-bin=" + Convert.ToBase64String(binary)], ignoreOrder: true);
        var responseHeaders = await call.ResponseHeadersAsync;
        responseHeaders.GetValue("x-station").ShouldBe("gs-oceanalpha-1");
        responseHeaders.GetValueBytes("x-blob-bin").ShouldBe(binary);
        call.GetTrailers().GetValue("x-station-trailer").ShouldBe("gs-oceanalpha-1");
        call.GetTrailers().GetValueBytes("x-blob-trailer-bin").ShouldBe(binary);
    }

    [Fact]
    public async Task ErrorBeforeAnyResponse_IsTrailersOnly()
    {
        var body = RawHttp2.Frame(new EchoRequest { FailWithCode = (int)StatusCode.NotFound, FailMessage = "no such range" });
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName, body);

        response.Body.ShouldBeEmpty();
        response.Header("grpc-status").ShouldBe("5");
        response.Header("grpc-message").ShouldBe("no such range");
        response.Message.TrailingHeaders.ShouldBeEmpty();
    }

    [Fact]
    public async Task SuccessfulCall_StatusInTrailersAfterTheMessage()
    {
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName, RawHttp2.Frame(new EchoRequest { Text = "t" }));

        response.Header("grpc-status").ShouldBeNull();
        response.Trailer("grpc-status").ShouldBe("0");
        response.Body.Length.ShouldBe(5 + new EchoReply { Text = "t" }.CalculateSize());
    }

    [Fact]
    public async Task RequestWithoutMessage_Internal()
    {
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName, []);
        response.Header("grpc-status").ShouldBe(((int)StatusCode.Internal).ToString());
        response.Header("grpc-message").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task RequestWithTwoMessages_Internal()
    {
        var frame = RawHttp2.Frame(new EchoRequest { Text = "one" });
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName, [.. frame, .. frame]);
        response.Header("grpc-status").ShouldBe(((int)StatusCode.Internal).ToString());
    }

    [Fact]
    public async Task RequestEndingInsideAFrame_Internal()
    {
        var frame = RawHttp2.Frame(new EchoRequest { Text = "truncated" });
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName, frame[..^2]);
        response.Header("grpc-status").ShouldBe(((int)StatusCode.Internal).ToString());
        Encoding.ASCII.GetString(response.Body).ShouldBeEmpty();
    }

    [Fact]
    public async Task UndecodableMessage_Internal()
    {
        byte[] garbage = [0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF];
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName, garbage);
        response.Header("grpc-status").ShouldBe(((int)StatusCode.Internal).ToString());
    }
}
