using Google.Protobuf;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.Interop;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class CompressionAndSizeTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private static ByteString Compressible(int length) =>
        ByteString.CopyFromUtf8(string.Concat(Enumerable.Repeat("USV-7 holding at waypoint 3; ", length / 29 + 1))[..length]);

    [Fact]
    public async Task GzipBothWays_PayloadShrinksOnTheWireEachWay()
    {
        await using var relay = new ByteCountingRelay(fixture.Address);
        using var channel = GrpcChannel.ForAddress($"http://{relay.Target}", new GrpcChannelOptions { RequestCompression = "gzip" });
        var payload = Compressible(500_000);

        var reply = await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Payload = payload });

        reply.Payload.ShouldBe(payload);
        relay.BytesToServer.ShouldBeLessThan(payload.Length / 8);
        relay.BytesToClient.ShouldBeLessThan(payload.Length / 8);
    }

    [Fact]
    public async Task GzipOnStreams_EveryMessageRoundTrips()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { RequestCompression = "gzip" });
        using var call = channel.AsyncDuplexStreamingCall(EchoMethods.Chat);
        for (var i = 0; i < 20; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"z{i}", Payload = Compressible(10_000) });
        }
        await call.RequestStream.CompleteAsync();
        var texts = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            texts.Add(reply.Text);
            reply.Payload.ShouldBe(Compressible(10_000));
        }
        texts.Count.ShouldBe(20);
    }

    [Fact]
    public void UnsupportedRequestCompression_RejectedWhenTheChannelIsMade() =>
        Should.Throw<ArgumentException>(() => GrpcChannel.ForAddress(fixture.Address, new GrpcChannelOptions { RequestCompression = "snappy" }))
            .Message.ShouldContain("snappy");

    [Fact]
    public async Task UnknownRequestEncoding_UnimplementedListingWhatIsAccepted()
    {
        var response = await RawHttp2.PostAsync(fixture.Server.Address, EchoMethods.Echo.FullName,
            RawHttp2.Frame(new EchoRequest()), headers: ("grpc-encoding", "snappy"));

        response.Header("grpc-status").ShouldBe(((int)StatusCode.Unimplemented).ToString());
        response.Header("grpc-accept-encoding").ShouldBe("identity,gzip");
    }

    [Fact]
    public async Task RequestOverServerLimit_ResourceExhaustedAndChannelStaysUsable()
    {
        using var channel = fixture.Server.CreateChannel();
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { Payload = ByteString.CopyFrom(new byte[TestServer.MaxReceiveMessageSize + 1]) }));

        e.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        (await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Text = "still here" })).Text.ShouldBe("still here");
    }

    [Fact]
    public async Task CompressedRequestInflatingOverServerLimit_ResourceExhausted()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { RequestCompression = "gzip" });
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { Payload = Compressible(TestServer.MaxReceiveMessageSize + 100) }));
        e.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task ResponseOverClientLimit_ResourceExhausted()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { Payload = ByteString.CopyFrom(new byte[5000]) }));
        e.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task RequestOverClientSendLimit_ResourceExhaustedWithoutReachingTheServer()
    {
        await using var relay = new ByteCountingRelay(fixture.Address);
        using var channel = GrpcChannel.ForAddress($"http://{relay.Target}", new GrpcChannelOptions { MaxSendMessageSize = 100 });
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { Payload = ByteString.CopyFrom(new byte[5000]) }));

        e.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        relay.BytesToServer.ShouldBe(0);
    }

    [Fact]
    public async Task ResponseOverServerSendLimit_ResourceExhausted()
    {
        await using var server = await TestServer.StartAsync(configureOptions: o => o.MaxSendMessageSize = 1000);
        using var channel = server.CreateChannel();
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { Payload = ByteString.CopyFrom(new byte[5000]) }));
        e.StatusCode.ShouldBe(StatusCode.ResourceExhausted);

        using var stream = channel.AsyncServerStreamingCall(EchoMethods.Expand, new EchoRequest { Count = 3, Payload = ByteString.CopyFrom(new byte[5000]) });
        (await Should.ThrowAsync<RpcException>(() => stream.ResponseStream.MoveNext(default))).StatusCode.ShouldBe(StatusCode.ResourceExhausted);
    }
}
