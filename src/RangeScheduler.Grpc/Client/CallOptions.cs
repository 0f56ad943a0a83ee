namespace RangeScheduler.Grpc.Client;

/// <summary>What a caller may set for one call.</summary>
/// <param name="Headers">Request metadata, sent as HTTP/2 headers.</param>
/// <param name="Deadline">When the caller stops waiting (UTC): sent as grpc-timeout and enforced locally with DEADLINE_EXCEEDED.</param>
/// <param name="CancellationToken">Cancels the call; it then fails with CANCELLED.</param>
public readonly record struct CallOptions(
    Metadata? Headers = null,
    DateTime? Deadline = null,
    CancellationToken CancellationToken = default);
