using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using static RangeScheduler.Contracts.Clients.ContractServices;

namespace RangeScheduler.Contracts.Clients;

/// <summary>Calls <c>rangescheduler.v1.MonitorService</c>, as a range controller does.</summary>
public sealed class MonitorServiceClient(GrpcChannel channel)
{
    /// <summary>Live events of one range until the call is cancelled; resume with the last event's cursor.</summary>
    public AsyncServerStreamingCall<RangeEvent> WatchRange(WatchRangeRequest request, CallOptions options = default) =>
        channel.AsyncServerStreamingCall(Methods.WatchRange, request, options);

    public AsyncUnaryCall<LiveState> GetLiveStateAsync(GetLiveStateRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.GetLiveState, request, options);

    /// <summary>Retrying with the same <see cref="IssueCommandRequest.RequestId"/> returns the first command.</summary>
    public AsyncUnaryCall<Command> IssueCommandAsync(IssueCommandRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.IssueCommand, request, options);

    /// <summary>Controllers, and the booking's organisation.</summary>
    public AsyncUnaryCall<Track> GetTrackAsync(GetTrackRequest request, CallOptions options = default) =>
        channel.AsyncUnaryCall(Methods.GetTrack, request, options);

    private static class Methods
    {
        public static readonly Method<WatchRangeRequest, RangeEvent> WatchRange = MethodOf<WatchRangeRequest, RangeEvent>(MonitorService, nameof(WatchRange));
        public static readonly Method<GetLiveStateRequest, LiveState> GetLiveState = MethodOf<GetLiveStateRequest, LiveState>(MonitorService, nameof(GetLiveState));
        public static readonly Method<IssueCommandRequest, Command> IssueCommand = MethodOf<IssueCommandRequest, Command>(MonitorService, nameof(IssueCommand));
        public static readonly Method<GetTrackRequest, Track> GetTrack = MethodOf<GetTrackRequest, Track>(MonitorService, nameof(GetTrack));
    }
}
