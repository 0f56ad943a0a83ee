using System.Diagnostics;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class DeadlineAndCancellationTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task DeadlineShorterThanHandler_DeadlineExceededAndHandlerCancelled()
    {
        using var channel = fixture.Server.CreateChannel();
        var stopwatch = Stopwatch.StartNew();
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { Text = "slow-unary", DelayMs = 5000 }, new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(1))));

        e.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        (await fixture.Server.Log.WaitForAsync("slow-unary:cancelled", Patience)).ShouldBeTrue(string.Join(";", fixture.Server.Log.Events));
    }

    [Fact]
    public async Task GrpcTimeout_ReachesTheHandlerAsItsDeadline()
    {
        using var channel = fixture.Server.CreateChannel();
        var reply = await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Text = "t" }, new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(30)));
        reply.DeadlineMsLeft.ShouldBeInRange(25_000, 30_000);
    }

    [Fact]
    public async Task NoDeadline_HandlerSeesNone()
    {
        using var channel = fixture.Server.CreateChannel();
        (await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Text = "t" })).DeadlineMsLeft.ShouldBe(0);
    }

    [Fact]
    public async Task DeadlineAlreadyPassed_FailsWithoutWaiting()
    {
        using var channel = fixture.Server.CreateChannel();
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { Text = "late" }, new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(-1))));
        e.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
    }

    [Fact]
    public async Task DeadlineDuringServerStream_DeadlineExceededAfterTheRepliesSoFar()
    {
        using var channel = fixture.Server.CreateChannel();
        using var call = channel.AsyncDuplexStreamingCall(EchoMethods.Chat, new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(1)));
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "fast" });
        (await call.ResponseStream.MoveNext(default)).ShouldBeTrue();
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "slow-stream", DelayMs = 5000 });

        (await Should.ThrowAsync<RpcException>(() => call.ResponseStream.MoveNext(default))).StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
        (await fixture.Server.Log.WaitForAsync("slow-stream:cancelled", Patience)).ShouldBeTrue();
    }

    [Fact]
    public async Task ClientCancels_CancelledAndHandlerCancelled()
    {
        using var channel = fixture.Server.CreateChannel();
        using var cancel = new CancellationTokenSource();
        using var call = channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { Text = "abandoned", DelayMs = 5000 }, new CallOptions(CancellationToken: cancel.Token));
        (await fixture.Server.Log.WaitForAsync("abandoned:waiting", Patience)).ShouldBeTrue();
        await cancel.CancelAsync();

        var e = await Should.ThrowAsync<RpcException>(() => call.ResponseAsync);

        e.StatusCode.ShouldBe(StatusCode.Cancelled);
        (await fixture.Server.Log.WaitForAsync("abandoned:cancelled", Patience)).ShouldBeTrue();
    }

    [Fact]
    public async Task TokenPassedToMoveNext_CancelsTheCall()
    {
        using var channel = fixture.Server.CreateChannel();
        using var call = channel.AsyncServerStreamingCall(EchoMethods.Expand, new EchoRequest { Text = "watch", DelayMs = 5000, Count = 1 });
        using var cancel = new CancellationTokenSource();
        var next = call.ResponseStream.MoveNext(cancel.Token);
        (await fixture.Server.Log.WaitForAsync("watch:waiting", Patience)).ShouldBeTrue();
        await cancel.CancelAsync();

        (await Should.ThrowAsync<RpcException>(() => next)).StatusCode.ShouldBe(StatusCode.Cancelled);
        (await fixture.Server.Log.WaitForAsync("watch:cancelled", Patience)).ShouldBeTrue();
    }

    [Fact]
    public async Task DisposingARunningCall_CancelsItOnTheServer()
    {
        using var channel = fixture.Server.CreateChannel();
        var call = channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Text = "disposed", DelayMs = 5000 });
        (await fixture.Server.Log.WaitForAsync("disposed:waiting", Patience)).ShouldBeTrue();
        call.Dispose();

        (await fixture.Server.Log.WaitForAsync("disposed:cancelled", Patience)).ShouldBeTrue();
        (await Should.ThrowAsync<RpcException>(() => call.ResponseAsync)).StatusCode.ShouldBe(StatusCode.Cancelled);
    }
}
