using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.EndToEnd;

/// <summary>The services mapped without handler methods answer UNIMPLEMENTED, in every call shape, to callers with the right.</summary>
public sealed class UnimplementedServicesEndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task StreamPositionsByGroundStation_Unimplemented()
    {
        using var call = new TelemetryServiceClient(fixture.Server.Channel).StreamPositions(Calls.As("gs-oceanalpha-1"));

        await Calls.ShouldEndWith(StatusCode.Unimplemented, () => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task MonitorByController_Unimplemented()
    {
        var monitor = new MonitorServiceClient(fixture.Server.Channel);
        using var watch = monitor.WatchRange(new WatchRangeRequest { RangeId = "zhuhai-wanshan" }, Calls.As("ctl-wanshan"));

        await Calls.ShouldEndWith(StatusCode.Unimplemented, () => watch.ResponseStream.MoveNext(CancellationToken.None));
        await Calls.ShouldEndWith(StatusCode.Unimplemented, async () => await monitor.GetLiveStateAsync(new GetLiveStateRequest(), Calls.As("ctl-wanshan")));
    }
}
