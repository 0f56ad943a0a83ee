using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.EndToEnd;

/// <summary>RangeService over HTTP/2, called with the contract's C# client.</summary>
public sealed class RangeServiceEndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly RangeServiceClient _ranges = new(fixture.Server.Channel);

    [Fact]
    public async Task ListRangesDefaultPageSize_EverySeededRangeOrderedById()
    {
        var response = await _ranges.ListRangesAsync(new ListRangesRequest(), Calls.As("ops-oceanalpha"));

        response.Ranges.Select(range => range.Id).ShouldBe(["jaakonmeri", "zhuhai-wanshan"]);
        response.NextPageToken.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListRangesOnePerPage_TokenLeadsToTheNextRange()
    {
        var first = await _ranges.ListRangesAsync(new ListRangesRequest { PageSize = 1 }, Calls.As("ops-oceanalpha"));
        var second = await _ranges.ListRangesAsync(new ListRangesRequest { PageSize = 1, PageToken = first.NextPageToken }, Calls.As("ops-oceanalpha"));

        first.Ranges.Single().Id.ShouldBe("jaakonmeri");
        first.NextPageToken.ShouldNotBeEmpty();
        second.Ranges.Single().Id.ShouldBe("zhuhai-wanshan");
        second.NextPageToken.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("gs-oceanalpha-1")]
    [InlineData("ctl-jaakonmeri")]
    [InlineData("root")]
    public async Task ListRangesAnyRole_Allowed(string principalId) =>
        (await _ranges.ListRangesAsync(new ListRangesRequest(), Calls.As(principalId))).Ranges.Count.ShouldBe(2);

    [Fact]
    public async Task ListRangesBadPageToken_InvalidArgumentNamingPageToken()
    {
        var error = await Calls.ShouldEndWith(StatusCode.InvalidArgument,
            async () => await _ranges.ListRangesAsync(new ListRangesRequest { PageToken = "garbage" }, Calls.As("ops-oceanalpha")));

        error.Status.Detail.ShouldStartWith("page_token: ");
    }

    [Fact]
    public async Task GetRangeKnownId_TheWholeRange()
    {
        var range = await _ranges.GetRangeAsync(new GetRangeRequest { RangeId = "zhuhai-wanshan" }, Calls.As("ops-tidewater"));

        range.Name.ShouldContain("illustrative boundary");
        range.Zones.Count.ShouldBe(5);
        range.OperatingHours.Count.ShouldBe(6);
        range.Version.ShouldBe(1ul);
    }

    [Fact]
    public async Task GetRangeUnknownId_NotFoundNamingTheId()
    {
        var error = await Calls.ShouldEndWith(StatusCode.NotFound,
            async () => await _ranges.GetRangeAsync(new GetRangeRequest { RangeId = "atlantis" }, Calls.As("ops-oceanalpha")));

        error.Status.Detail.ShouldBe("range \"atlantis\" not found");
    }

    [Fact]
    public async Task GetRangeEmptyId_InvalidArgumentNamingRangeId()
    {
        var error = await Calls.ShouldEndWith(StatusCode.InvalidArgument,
            async () => await _ranges.GetRangeAsync(new GetRangeRequest(), Calls.As("ops-oceanalpha")));

        error.Status.Detail.ShouldBe("range_id: must not be empty");
    }

    [Fact]
    public async Task UpsertRangeWithoutRange_InvalidArgumentNamingIt()
    {
        var error = await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _ranges.UpsertRangeAsync(new UpsertRangeRequest(), Calls.As("root")));
        error.Status.Detail.ShouldContain("range");
    }

    [Fact]
    public async Task ClosureRequestsWithoutTheirSubject_InvalidArgument()
    {
        var controller = Calls.As("ctl-wanshan");
        (await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _ranges.CreateClosureAsync(new CreateClosureRequest(), controller)))
            .Status.Detail.ShouldContain("closure");
        (await Calls.ShouldEndWith(StatusCode.InvalidArgument, async () => await _ranges.DeleteClosureAsync(new DeleteClosureRequest(), controller)))
            .Status.Detail.ShouldContain("closure_id");
    }
}
