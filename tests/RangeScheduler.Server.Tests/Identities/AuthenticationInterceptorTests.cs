using RangeScheduler.Grpc;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Identities;

public sealed class AuthenticationInterceptorTests
{
    private const string ListRanges = "/rangescheduler.v1.RangeService/ListRanges";
    private const string UpsertRange = "/rangescheduler.v1.RangeService/UpsertRange";
    private const string HealthCheck = "/grpc.health.v1.Health/Check";

    private readonly AuthenticationInterceptor _interceptor = new(Principals.Catalog(Principals.GoodFile));
    private ServerCallContext? _reachedHandler;

    [Theory]
    [InlineData("Bearer key-root")]
    [InlineData("bearer key-root")]
    [InlineData("BEARER key-root")]
    [InlineData("Bearer   key-root  ")]
    public async Task KnownKey_HandlerRunsWithThePrincipal(string authorization)
    {
        var context = new FakeServerCallContext(ListRanges, new Metadata { { "authorization", authorization } });

        await _interceptor.InterceptAsync(context, Handler);

        _reachedHandler.ShouldBeSameAs(context);
        context.GetPrincipal()!.Id.ShouldBe("root");
    }

    [Fact]
    public async Task NoAuthorizationHeader_UnauthenticatedSayingHowToSendTheKey()
    {
        var error = await Refused(new FakeServerCallContext(ListRanges), StatusCode.Unauthenticated);

        error.Status.Detail.ShouldBe("send the API key as 'authorization: Bearer <api key>'");
    }

    [Theory]
    [InlineData("key-root")]
    [InlineData("Basic key-root")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer    ")]
    [InlineData("Bearerkey-root")]
    public async Task MalformedAuthorization_Unauthenticated(string authorization)
    {
        var context = new FakeServerCallContext(ListRanges, new Metadata { { "authorization", authorization } });

        var error = await Refused(context, StatusCode.Unauthenticated);

        error.Status.Detail.ShouldStartWith("send the API key as");
    }

    [Fact]
    public async Task UnknownKey_UnauthenticatedWithoutPrincipal()
    {
        var context = FakeServerCallContext.WithKey(ListRanges, "key-nobody");

        var error = await Refused(context, StatusCode.Unauthenticated);

        error.Status.Detail.ShouldBe("unknown API key");
        context.GetPrincipal().ShouldBeNull();
    }

    [Fact]
    public async Task KnownKeyWithoutTheRight_PermissionDeniedNamingCallerAndMethod()
    {
        var context = FakeServerCallContext.WithKey(UpsertRange, "key-gs-a");

        var error = await Refused(context, StatusCode.PermissionDenied);

        error.Status.Detail.ShouldBe($"ground_station gs-a may not call {UpsertRange}");
        // Kept for the call log, which names who was refused.
        context.GetPrincipal()!.Id.ShouldBe("gs-a");
    }

    [Fact]
    public async Task KnownKeyForMethodOutsideTheContract_PassedOnForTheTransportToAnswerUnimplemented()
    {
        var context = FakeServerCallContext.WithKey("/rangescheduler.v1.RangeService/DropRange", "key-root");
        await _interceptor.InterceptAsync(context, Handler);
        _reachedHandler.ShouldBe(context);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer key-nobody")]
    public async Task HealthCheck_RunsWithoutLookingAtTheKey(string? authorization)
    {
        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add("authorization", authorization);
        }
        var context = new FakeServerCallContext(HealthCheck, headers);

        await _interceptor.InterceptAsync(context, Handler);

        _reachedHandler.ShouldBeSameAs(context);
        context.GetPrincipal().ShouldBeNull();
    }

    private Task Handler(ServerCallContext context)
    {
        _reachedHandler = context;
        return Task.CompletedTask;
    }

    private async Task<RpcException> Refused(ServerCallContext context, StatusCode expected)
    {
        var error = await Should.ThrowAsync<RpcException>(() => _interceptor.InterceptAsync(context, Handler));
        error.StatusCode.ShouldBe(expected);
        _reachedHandler.ShouldBeNull();
        return error;
    }
}
