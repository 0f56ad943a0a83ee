using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using static RangeScheduler.Contracts.Clients.ContractServices;

namespace RangeScheduler.Contracts.Clients;

/// <summary>Calls <c>rangescheduler.v1.RangeService</c>: ranges, their zones and closures.</summary>
public sealed class RangeServiceClient(GrpcChannel channel)
{
    public AsyncUnaryCall<ListRangesResponse> ListRangesAsync(ListRangesRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.ListRanges, request, options);

    public AsyncUnaryCall<TestRange> GetRangeAsync(GetRangeRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.GetRange, request, options);

    /// <summary>Administrators only.</summary>
    public AsyncUnaryCall<UpsertRangeResponse> UpsertRangeAsync(UpsertRangeRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.UpsertRange, request, options);

    /// <summary>Controllers of the closure's range only.</summary>
    public AsyncUnaryCall<CreateClosureResponse> CreateClosureAsync(CreateClosureRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.CreateClosure, request, options);

    public AsyncUnaryCall<ListClosuresResponse> ListClosuresAsync(ListClosuresRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.ListClosures, request, options);

    /// <summary>Controllers of the closure's range only.</summary>
    public AsyncUnaryCall<DeleteClosureResponse> DeleteClosureAsync(DeleteClosureRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.DeleteClosure, request, options);

    private static class Methods
    {
        public static readonly Method<ListRangesRequest, ListRangesResponse> ListRanges = MethodOf<ListRangesRequest, ListRangesResponse>(RangeService, nameof(ListRanges));
        public static readonly Method<GetRangeRequest, TestRange> GetRange = MethodOf<GetRangeRequest, TestRange>(RangeService, nameof(GetRange));
        public static readonly Method<UpsertRangeRequest, UpsertRangeResponse> UpsertRange = MethodOf<UpsertRangeRequest, UpsertRangeResponse>(RangeService, nameof(UpsertRange));
        public static readonly Method<CreateClosureRequest, CreateClosureResponse> CreateClosure = MethodOf<CreateClosureRequest, CreateClosureResponse>(RangeService, nameof(CreateClosure));
        public static readonly Method<ListClosuresRequest, ListClosuresResponse> ListClosures = MethodOf<ListClosuresRequest, ListClosuresResponse>(RangeService, nameof(ListClosures));
        public static readonly Method<DeleteClosureRequest, DeleteClosureResponse> DeleteClosure = MethodOf<DeleteClosureRequest, DeleteClosureResponse>(RangeService, nameof(DeleteClosure));
    }
}
