using RangeScheduler.Contracts.V1;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Errors;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Mapping;
using RangeScheduler.Server.Paging;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Ranges;

/// <summary>
/// Serves <c>rangescheduler.v1.RangeService</c> from the range store; range definitions and
/// closures change through <see cref="RangeCommands"/> and <see cref="ClosureCommands"/>.
/// </summary>
public sealed class RangeGrpcService(IRangeStore ranges, RangeCommands rangeCommands, ClosureCommands closures)
{
    /// <summary>Names ListRanges' page tokens, so that another list's token is refused here.</summary>
    private const string PageTokenList = "ranges";

    /// <summary>Ranges ordered by id; page_size 0 means 50, and at most 500 are returned.</summary>
    public async Task<ListRangesResponse> ListRanges(ListRangesRequest request, ServerCallContext context)
    {
        var all = await ranges.ListAsync(context.CancellationToken).ConfigureAwait(false);
        var page = KeysetPage.Take(all, range => range.Id, PageTokenList, request.PageSize, request.PageToken)
            ?? throw StatusErrors.InvalidArgument(new FieldViolation("page_token", "not a token from an earlier ListRanges response"));
        var response = new ListRangesResponse { NextPageToken = page.NextPageToken };
        response.Ranges.AddRange(page.Items.Select(RangeMapping.ToContract));
        return response;
    }

    public async Task<TestRange> GetRange(GetRangeRequest request, ServerCallContext context)
    {
        MappingErrors.ThrowIfEmpty(request.RangeId, "range_id");
        var range = await ranges.GetAsync(request.RangeId, context.CancellationToken).ConfigureAwait(false)
            ?? throw StatusErrors.NotFound("range", request.RangeId);
        return RangeMapping.ToContract(range);
    }

    public Task<UpsertRangeResponse> UpsertRange(UpsertRangeRequest request, ServerCallContext context) =>
        rangeCommands.UpsertAsync(request, context.CancellationToken);

    public Task<CreateClosureResponse> CreateClosure(CreateClosureRequest request, ServerCallContext context) =>
        closures.CreateAsync(context.Caller(), request, context.CancellationToken);

    public Task<ListClosuresResponse> ListClosures(ListClosuresRequest request, ServerCallContext context) =>
        closures.ListAsync(request, context.CancellationToken);

    public Task<DeleteClosureResponse> DeleteClosure(DeleteClosureRequest request, ServerCallContext context) =>
        closures.DeleteAsync(context.Caller(), request, context.CancellationToken);
}
