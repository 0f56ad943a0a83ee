namespace RangeScheduler.Grpc;

/// <summary>
/// A call that ended with a status other than OK. Thrown by handlers to end a call with
/// that status, and by the client when the server reports one.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status, string? message = null)
        : this(status, new Metadata(), message)
    {
    }

    public RpcException(Status status, Metadata trailers, string? message = null)
        : base(message ?? $"Status(StatusCode=\"{status.StatusCode}\", Detail=\"{status.Detail}\")")
    {
        Status = status;
        Trailers = trailers;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailers sent with the status (server side: added to the response trailers).</summary>
    public Metadata Trailers { get; }
}
