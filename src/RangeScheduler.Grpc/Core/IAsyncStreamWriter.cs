namespace RangeScheduler.Grpc;

/// <summary>Writes the messages of a stream.</summary>
/// <remarks>
/// A message is serialized before <see cref="WriteAsync"/> returns, so the caller may reuse
/// it. Writes are coalesced: the returned task completes once the message is queued for the
/// network, and waits only when the queue is full (back-pressure).
/// </remarks>
public interface IAsyncStreamWriter<in T>
{
    Task WriteAsync(T message);
}

/// <summary>The response stream of a server-streaming or bidirectional call.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}

/// <summary>The request stream of a client-streaming or bidirectional call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Ends the request stream, after every queued message has been sent.</summary>
    Task CompleteAsync();
}
