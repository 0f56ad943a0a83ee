namespace RangeScheduler.Grpc;

/// <summary>What a handler knows of the call it serves, as Grpc.Core's class of the same name.</summary>
public abstract class ServerCallContext
{
    /// <summary>The method's path, <c>/{service}/{method}</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The HTTP/2 <c>:authority</c> the client called.</summary>
    public abstract string Host { get; }

    /// <summary>The caller's address, e.g. <c>ipv4:127.0.0.1:50312</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>When the caller stops waiting (UTC); <see cref="DateTime.MaxValue"/> when it set no deadline.</summary>
    public abstract DateTime Deadline { get; }

    public abstract Metadata RequestHeaders { get; }

    /// <summary>Cancelled when the caller cancels, the deadline passes or the server shuts down.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Trailers sent with the status when the call ends.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status sent when the handler returns normally; OK unless the handler sets another.</summary>
    public abstract Status Status { get; set; }

    /// <summary>State that interceptors hand on to handlers, such as the authenticated caller.</summary>
    public abstract IDictionary<object, object> UserState { get; }

    /// <summary>Sends the response headers now; at most once, and before the first message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
