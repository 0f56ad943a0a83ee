using Microsoft.Extensions.DependencyInjection;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class InterceptorTests
{
    [Fact]
    public async Task Interceptors_RunInRegistrationOrderAroundTheCallAndSeeItsStatus()
    {
        await using var server = await StartAsync();
        using var channel = server.CreateChannel();
        await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Text = "ok" });
        await Should.ThrowAsync<RpcException>(async () =>
            await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { FailWithCode = (int)StatusCode.NotFound }));

        server.Log.Events.ShouldBe([
            "outer:before", "inner:before", "inner:after:OK", "outer:after:OK",
            "outer:before", "inner:before", "inner:threw:NotFound", "outer:threw:NotFound"]);
    }

    [Fact]
    public async Task InterceptorThrows_CallEndsWithItsStatusAndHandlerNeverRuns()
    {
        await using var server = await StartAsync();
        using var channel = server.CreateChannel();
        var e = await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo,
            new EchoRequest { Text = "denied", DelayMs = 1 }, new CallOptions(Headers: new Metadata().Add("x-deny", "yes"))));

        e.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        e.Status.Detail.ShouldBe("denied by interceptor");
        server.Log.Events.ShouldNotContain(entry => entry.StartsWith("inner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DuplexCallRefusedBeforeAnyWrite_ClientReadsTheStatusAtOnce()
    {
        await using var server = await StartAsync();
        using var channel = server.CreateChannel();
        // On a connection already carrying calls nothing else flushes the socket, so unsent headers would stay unsent.
        for (var i = 0; i < 3; i++)
        {
            using var warm = channel.AsyncServerStreamingCall(EchoMethods.Expand, new EchoRequest { Count = 2 });
            while (await warm.ResponseStream.MoveNext(default))
            {
            }
            await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest());
        }
        using var call = channel.AsyncDuplexStreamingCall(EchoMethods.Chat,
            new CallOptions(Headers: new Metadata().Add("x-deny", "yes"), Deadline: DateTime.UtcNow.AddSeconds(10)));

        var e = await Should.ThrowAsync<RpcException>(() => call.ResponseStream.MoveNext(default));
        e.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task UserStateSetByInterceptor_ReachesTheHandler()
    {
        await using var server = await StartAsync();
        using var channel = server.CreateChannel();
        var reply = await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest());
        reply.SeenMetadata.ShouldContain("state:caller=outer");
    }

    private static Task<TestServer> StartAsync() => TestServer.StartAsync(services =>
    {
        services.AddSingleton<IServerCallInterceptor>(sp => new RecordingInterceptor("outer", sp.GetRequiredService<CallLog>()));
        services.AddSingleton<IServerCallInterceptor>(sp => new RecordingInterceptor("inner", sp.GetRequiredService<CallLog>()));
    });

    private sealed class RecordingInterceptor(string name, CallLog log) : IServerCallInterceptor
    {
        public async Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
        {
            if (name == "outer" && context.RequestHeaders.GetValue("x-deny") is not null)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, "denied by interceptor"));
            }
            if (context.Method.EndsWith("/Echo", StringComparison.Ordinal) && name == "outer")
            {
                context.UserState["caller"] = "outer";
            }
            log.Record($"{name}:before");
            try
            {
                await next(context);
                log.Record($"{name}:after:{context.Status.StatusCode}");
            }
            catch (RpcException e)
            {
                log.Record($"{name}:threw:{e.StatusCode}");
                throw;
            }
        }
    }
}
