using RangeScheduler.Grpc;
using RangeScheduler.Server.Identities;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Monitoring;

/// <summary>
/// Serves <c>rangescheduler.v1.MonitorService</c>: takes the caller from the call and hands
/// each rpc to the class that answers it.
/// </summary>
public sealed class MonitorGrpcService(RangeWatch watch, LiveStateQuery liveState, CommandDesk commands, TrackQuery tracks)
{
    public Task WatchRange(V1.WatchRangeRequest request, IServerStreamWriter<V1.RangeEvent> responses, ServerCallContext context) =>
        watch.WatchAsync(context.Caller(), request, responses, context);

    public Task<V1.LiveState> GetLiveState(V1.GetLiveStateRequest request, ServerCallContext context) =>
        liveState.GetAsync(context.Caller(), request, context.CancellationToken);

    public Task<V1.Command> IssueCommand(V1.IssueCommandRequest request, ServerCallContext context) =>
        commands.IssueAsync(context.Caller(), request, context.CancellationToken);

    public Task<V1.Track> GetTrack(V1.GetTrackRequest request, ServerCallContext context) =>
        tracks.GetAsync(context.Caller(), request, context.CancellationToken);
}
