using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Health.V1;
using RangeScheduler.Grpc.Reflection.V1;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.EndToEnd;

/// <summary>Keys and rights over HTTP/2 (DESIGN.md, "Identities").</summary>
public sealed class AuthenticationEndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> HealthCheck =
        Method<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(HealthReflection.Descriptor.Services[0].FindMethodByName("Check"));

    private static readonly Method<ServerReflectionRequest, ServerReflectionResponse> Reflection =
        Method<ServerReflectionRequest, ServerReflectionResponse>.FromDescriptor(ReflectionReflection.Descriptor.Services[0].FindMethodByName("ServerReflectionInfo"));

    private readonly GrpcChannel _channel = fixture.Server.Channel;
    private readonly RangeServiceClient _ranges = new(fixture.Server.Channel);

    [Fact]
    public async Task NoKey_Unauthenticated() =>
        await Calls.ShouldEndWith(StatusCode.Unauthenticated, async () => await _ranges.ListRangesAsync(new ListRangesRequest(), Calls.Anonymous()));

    [Fact]
    public async Task WrongKey_Unauthenticated() =>
        await Calls.ShouldEndWith(StatusCode.Unauthenticated, async () => await _ranges.ListRangesAsync(new ListRangesRequest(), Calls.WithKey("dev-nobody")));

    [Fact]
    public async Task KeyWithoutBearerScheme_Unauthenticated() =>
        await Calls.ShouldEndWith(StatusCode.Unauthenticated, async () => await _ranges.ListRangesAsync(new ListRangesRequest(), Calls.WithAuthorization("dev-root")));

    [Fact]
    public async Task GroundStationUpsertingRange_PermissionDeniedBeforeUnimplemented()
    {
        var error = await Calls.ShouldEndWith(StatusCode.PermissionDenied,
            async () => await _ranges.UpsertRangeAsync(new UpsertRangeRequest(), Calls.As("gs-oceanalpha-1")));

        error.Status.Detail.ShouldBe("ground_station gs-oceanalpha-1 may not call /rangescheduler.v1.RangeService/UpsertRange");
    }

    [Fact]
    public async Task KnownKeyCallingAMethodOutsideTheContract_Unimplemented()
    {
        var unknown = new Method<ListRangesRequest, ListRangesResponse>(MethodType.Unary, "rangescheduler.v1.RangeService", "DropRange");
        await Calls.ShouldEndWith(StatusCode.Unimplemented, async () => await _channel.AsyncUnaryCall(unknown, new ListRangesRequest(), Calls.As("root")));
    }

    [Fact]
    public async Task NoKeyCallingAMethodOutsideTheContract_Unauthenticated()
    {
        var unknown = new Method<ListRangesRequest, ListRangesResponse>(MethodType.Unary, "rangescheduler.v1.RangeService", "DropRange");
        await Calls.ShouldEndWith(StatusCode.Unauthenticated, async () => await _channel.AsyncUnaryCall(unknown, new ListRangesRequest(), Calls.Anonymous()));
    }

    [Fact]
    public async Task OperatorDecidingBooking_PermissionDenied() =>
        await Calls.ShouldEndWith(StatusCode.PermissionDenied,
            async () => await new BookingServiceClient(_channel).DecideBookingAsync(new DecideBookingRequest(), Calls.As("ops-oceanalpha")));

    [Fact]
    public async Task OperatorStreamingPositions_PermissionDenied()
    {
        using var call = new TelemetryServiceClient(_channel).StreamPositions(Calls.As("ops-oceanalpha"));

        await Calls.ShouldEndWith(StatusCode.PermissionDenied, () => Calls.HeartbeatThenReadAsync(call));
    }

    [Fact]
    public async Task GroundStationWatchingRange_PermissionDenied()
    {
        using var call = new MonitorServiceClient(_channel).WatchRange(new WatchRangeRequest { RangeId = "jaakonmeri" }, Calls.As("gs-oceanalpha-1"));

        await Calls.ShouldEndWith(StatusCode.PermissionDenied, () => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task RefusedCalls_LoggedWithTheirStatus()
    {
        await Calls.ShouldEndWith(StatusCode.PermissionDenied,
            async () => await _ranges.CreateClosureAsync(new CreateClosureRequest(), Calls.As("ops-tidewater")));

        fixture.Server.Logs.Entries.ShouldContain(entry => entry.EventName == "CallEnded"
            && entry.Message.StartsWith("/rangescheduler.v1.RangeService/CreateClosure by ops-tidewater: PermissionDenied in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthCheckWithoutKey_Serving()
    {
        var response = await _channel.AsyncUnaryCall(HealthCheck, new HealthCheckRequest { Service = "rangescheduler.v1.RangeService" }, Calls.Anonymous());

        response.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task ReflectionWithoutKey_ListsEveryContractService()
    {
        using var call = _channel.AsyncDuplexStreamingCall(Reflection, Calls.Anonymous());
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        (await call.ResponseStream.MoveNext(CancellationToken.None)).ShouldBeTrue();

        string[] expected =
        [
            "rangescheduler.v1.RangeService", "rangescheduler.v1.BookingService",
            "rangescheduler.v1.TelemetryService", "rangescheduler.v1.MonitorService",
            "grpc.health.v1.Health",
        ];
        expected.ShouldBeSubsetOf(call.ResponseStream.Current.ListServicesResponse.Service.Select(service => service.Name));
    }
}
