using Google.Protobuf;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class StreamingCallTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private GrpcChannel Channel() => fixture.Server.CreateChannel();

    [Fact]
    public async Task ServerStreaming_RepliesInOrderThenOk()
    {
        using var channel = Channel();
        using var call = channel.AsyncServerStreamingCall(EchoMethods.Expand, new EchoRequest { Text = "x", Count = 1000 });
        var texts = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            texts.Add(reply.Text);
        }

        texts.ShouldBe(Enumerable.Range(0, 1000).Select(i => $"x-{i}"));
        call.GetStatus().StatusCode.ShouldBe(StatusCode.OK);
    }

    [Fact]
    public async Task ServerStreamingThenError_RepliesArriveBeforeTheStatus()
    {
        using var channel = Channel();
        using var call = channel.AsyncServerStreamingCall(EchoMethods.Expand,
            new EchoRequest { Text = "y", Count = 2, FailWithCode = (int)StatusCode.FailedPrecondition, FailMessage = "stopped" });
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        call.ResponseStream.Current.Text.ShouldBe("y-1");

        var e = await Should.ThrowAsync<RpcException>(() => call.ResponseStream.MoveNext(default));
        e.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        e.Status.Detail.ShouldBe("stopped");
    }

    [Fact]
    public async Task ClientStreaming_CountsAndJoinsEveryRequest()
    {
        using var channel = Channel();
        using var call = channel.AsyncClientStreamingCall(EchoMethods.Collect);
        foreach (var text in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
        }
        await call.RequestStream.CompleteAsync();
        var summary = await call;

        summary.Count.ShouldBe(3u);
        summary.Joined.ShouldBe("a,b,c");
    }

    [Fact]
    public async Task ClientStreamingWithNoRequests_ReturnsEmptySummary()
    {
        using var channel = Channel();
        using var call = channel.AsyncClientStreamingCall(EchoMethods.Collect);
        await call.RequestStream.CompleteAsync();
        (await call).Count.ShouldBe(0u);
    }

    [Fact]
    public async Task Bidi_EachRequestAnsweredBeforeTheNextIsSent()
    {
        using var channel = Channel();
        using var call = channel.AsyncDuplexStreamingCall(EchoMethods.Chat);
        for (var i = 0; i < 50; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"m{i}" });
            (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
            call.ResponseStream.Current.Text.ShouldBe($"m{i}");
            call.ResponseStream.Current.Index.ShouldBe((uint)i);
        }
        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(default)).ShouldBeFalse();
        call.GetStatus().StatusCode.ShouldBe(StatusCode.OK);
    }

    [Fact]
    public async Task BidiPipelined_LargeAndSmallMessagesAllArriveInOrder()
    {
        using var channel = Channel();
        using var call = channel.AsyncDuplexStreamingCall(EchoMethods.Chat);
        var sizes = Enumerable.Range(0, 200).Select(i => i % 10 == 0 ? 300_000 : i).ToList();
        var writing = Task.Run(async () =>
        {
            foreach (var size in sizes)
            {
                await call.RequestStream.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[size]) });
            }
            await call.RequestStream.CompleteAsync();
        });
        var received = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            received.Add(reply.Payload.Length);
        }
        await writing;

        received.ShouldBe(sizes);
    }

    [Fact]
    public async Task BidiServerFails_ClientWritesAfterwardsReportTheStatus()
    {
        using var channel = Channel();
        using var call = channel.AsyncDuplexStreamingCall(EchoMethods.Chat);
        await call.RequestStream.WriteAsync(new EchoRequest { FailWithCode = (int)StatusCode.PermissionDenied, FailMessage = "not your booking" });

        var e = await Should.ThrowAsync<RpcException>(() => call.ResponseStream.MoveNext(default));
        e.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var write = await Should.ThrowAsync<RpcException>(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await call.RequestStream.WriteAsync(new EchoRequest { Text = "after" });
                await Task.Delay(10);
            }
        });
        write.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task WriteAfterComplete_InvalidOperation()
    {
        using var channel = Channel();
        using var call = channel.AsyncClientStreamingCall(EchoMethods.Collect);
        await call.RequestStream.CompleteAsync();
        await Should.ThrowAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new EchoRequest()));
    }
}
