using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Errors;
using RangeScheduler.Server.Paging;

namespace RangeScheduler.Server.Ranges;

/// <summary>
/// Serves <c>rangescheduler.v1.RangeService</c> from the seeded ranges. UpsertRange and the
/// closure methods have no handler yet, so the transport answers them UNIMPLEMENTED (after
/// the access check: callers without the right still get PERMISSION_DENIED).
/// </summary>
public sealed class RangeGrpcService(SeedRangeCatalogue catalogue)
{
    /// <summary>Names ListRanges' page tokens, so that another list's token is refused here.</summary>
    private const string PageTokenList = "ranges";

    /// <summary>Ranges ordered by id; page_size 0 means 50, and at most 500 are returned.</summary>
    public Task<ListRangesResponse> ListRanges(ListRangesRequest request, ServerCallContext context)
    {
        var page = KeysetPage.Take(catalogue.Ranges, range => range.Id, PageTokenList, request.PageSize, request.PageToken)
            ?? throw StatusErrors.InvalidArgument(new FieldViolation("page_token", "not a token from an earlier ListRanges response"));
        var response = new ListRangesResponse { NextPageToken = page.NextPageToken };
        response.Ranges.AddRange(page.Items);
        return Task.FromResult(response);
    }

    public Task<TestRange> GetRange(GetRangeRequest request, ServerCallContext context)
    {
        if (request.RangeId.Length == 0)
        {
            throw StatusErrors.InvalidArgument(new FieldViolation("range_id", "must not be empty"));
        }
        var range = catalogue.Find(request.RangeId) ?? throw StatusErrors.NotFound("range", request.RangeId);
        return Task.FromResult(range);
    }
}
