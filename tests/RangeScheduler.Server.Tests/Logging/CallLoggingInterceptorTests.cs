using RangeScheduler.Grpc;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Logging;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Logging;

public sealed class CallLoggingInterceptorTests
{
    private const string ListRanges = "/rangescheduler.v1.RangeService/ListRanges";

    private readonly LogCapture _logs = new();
    private readonly CallLoggingInterceptor _interceptor;
    private readonly AuthenticationInterceptor _authentication = new(Principals.Catalog(Principals.GoodFile));

    public CallLoggingInterceptorTests() => _interceptor = new CallLoggingInterceptor(_logs.For<CallLoggingInterceptor>());

    [Fact]
    public async Task SuccessfulCall_LoggedWithMethodPrincipalStatusAndTime()
    {
        var context = FakeServerCallContext.WithKey(ListRanges, "key-ops-a");

        await _interceptor.InterceptAsync(context, next => _authentication.InterceptAsync(next, _ => Task.CompletedTask));

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Information);
        entry.EventName.ShouldBe("CallEnded");
        entry.Message.ShouldMatch(@"^/rangescheduler\.v1\.RangeService/ListRanges by ops-a: OK in \d+\.\d ms$");
    }

    [Fact]
    public async Task StatusSetByHandler_Logged()
    {
        var context = new FakeServerCallContext(ListRanges);

        await _interceptor.InterceptAsync(context, call =>
        {
            call.Status = new Status(StatusCode.NotFound, "gone");
            return Task.CompletedTask;
        });

        _logs.Entries.ShouldHaveSingleItem().Message.ShouldContain("by anonymous: NotFound in");
    }

    [Fact]
    public async Task RefusedCall_LoggedAnonymousAndRethrown()
    {
        var context = FakeServerCallContext.WithKey(ListRanges, "key-nobody");

        await Should.ThrowAsync<RpcException>(() => _interceptor.InterceptAsync(context, next => _authentication.InterceptAsync(next, _ => Task.CompletedTask)));

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Message.ShouldContain("by anonymous: Unauthenticated in");
    }

    [Fact]
    public async Task PermissionDenied_LoggedWithTheRefusedPrincipal()
    {
        var context = FakeServerCallContext.WithKey("/rangescheduler.v1.RangeService/UpsertRange", "key-gs-a");

        await Should.ThrowAsync<RpcException>(() => _interceptor.InterceptAsync(context, next => _authentication.InterceptAsync(next, _ => Task.CompletedTask)));

        _logs.Entries.ShouldHaveSingleItem().Message.ShouldContain("by gs-a: PermissionDenied in");
    }

    [Theory]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.Unknown)]
    [InlineData(StatusCode.DataLoss)]
    public async Task ServerFailure_LoggedAsError(StatusCode code)
    {
        var context = new FakeServerCallContext(ListRanges);

        await Should.ThrowAsync<RpcException>(() => _interceptor.InterceptAsync(context, _ => throw new RpcException(new Status(code, "broken"))));

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Message.ShouldContain($": {code} in");
    }

    [Fact]
    public async Task ExceptionOtherThanRpcException_LoggedAsUnknownAndRethrown()
    {
        var context = new FakeServerCallContext(ListRanges);

        await Should.ThrowAsync<InvalidOperationException>(() => _interceptor.InterceptAsync(context, _ => throw new InvalidOperationException("bug")));

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Message.ShouldContain(": Unknown in");
    }
}
