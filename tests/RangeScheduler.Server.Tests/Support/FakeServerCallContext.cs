using RangeScheduler.Grpc;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>A call context for testing interceptors without a transport.</summary>
internal sealed class FakeServerCallContext(string method, Metadata? requestHeaders = null) : ServerCallContext
{
    public override string Method { get; } = method;

    public override string Host => "127.0.0.1";

    public override string Peer => "ipv4:127.0.0.1:50000";

    public override DateTime Deadline => DateTime.MaxValue;

    public override Metadata RequestHeaders { get; } = requestHeaders ?? new Metadata();

    public override CancellationToken CancellationToken => CancellationToken.None;

    public override Metadata ResponseTrailers { get; } = new();

    public override Status Status { get; set; } = Status.DefaultSuccess;

    public override IDictionary<object, object> UserState { get; } = new Dictionary<object, object>();

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;

    /// <summary>A context for a call that presents this API key.</summary>
    public static FakeServerCallContext WithKey(string method, string apiKey) =>
        new(method, new Metadata { { "authorization", $"Bearer {apiKey}" } });
}
