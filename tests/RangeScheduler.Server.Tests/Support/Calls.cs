using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Server.Identities;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>
/// Calls for end-to-end tests. Every call has a deadline, so a hang fails the test instead
/// of stalling the run.
/// </summary>
internal static class Calls
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A call that presents the development key of the principal with this id (docs/identities.md).</summary>
    public static CallOptions As(string principalId) => WithKey(DevelopmentKeys.Prefix + principalId);

    public static CallOptions WithKey(string apiKey) => WithAuthorization($"Bearer {apiKey}");

    /// <summary>A call with this exact <c>authorization</c> header.</summary>
    public static CallOptions WithAuthorization(string value) =>
        new(Headers: new Metadata { { "authorization", value } }, Deadline: DateTime.UtcNow + Timeout);

    /// <summary>A call without credentials.</summary>
    public static CallOptions Anonymous() => new(Deadline: DateTime.UtcNow + Timeout);

    /// <summary>Runs a call that must fail, checks its status code and returns the error for further checks.</summary>
    public static async Task<RpcException> ShouldEndWith(StatusCode expected, Func<Task> call)
    {
        var error = await Should.ThrowAsync<RpcException>(call);
        error.StatusCode.ShouldBe(expected);
        return error;
    }

    /// <summary>
    /// Opens a position stream as a ground station does, with a batch (an empty one is a
    /// heartbeat), then reads the first feedback. A call the server ended fails either way
    /// with its status: the write when the status arrived first, the read otherwise.
    /// </summary>
    public static async Task<bool> HeartbeatThenReadAsync(AsyncDuplexStreamingCall<PositionBatch, TelemetryFeedback> call)
    {
        await call.RequestStream.WriteAsync(new PositionBatch { BatchId = 1 });
        return await call.ResponseStream.MoveNext(CancellationToken.None);
    }
}
