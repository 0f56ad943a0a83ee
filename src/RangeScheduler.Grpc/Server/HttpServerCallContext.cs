using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Server;

/// <summary>
/// The state of one call on its HTTP/2 stream: cancellation from the client, the deadline
/// and server shutdown; response headers and the final status.
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly HttpContext _http;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly CancellationTokenRegistration _abortRegistration;
    private readonly CancellationTokenRegistration _shutdownRegistration;
    private readonly ServerCallDeadline? _deadline;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object>? _userState;
    private int _endReason;

    public HttpServerCallContext(HttpContext http, string method, GrpcCallEnvironment environment, bool compressResponses)
    {
        _http = http;
        Method = method;
        CompressResponses = compressResponses;
        Environment = environment;
        _abortRegistration = http.RequestAborted.UnsafeRegister(static s => ((HttpServerCallContext)s!).End(EndReason.ClientCancelled), this);
        _shutdownRegistration = environment.ShuttingDown.UnsafeRegister(static s => ((HttpServerCallContext)s!).End(EndReason.ShuttingDown), this);
        var timeoutHeader = http.Request.Headers[GrpcProtocol.TimeoutHeader];
        if (timeoutHeader.Count > 0)
        {
            if (GrpcTimeout.TryParse(timeoutHeader.ToString(), out var timeout))
            {
                _deadline = new ServerCallDeadline(environment.Time, timeout, () => End(EndReason.DeadlineExceeded));
            }
            else
            {
                GrpcServerLog.InvalidTimeout(environment.Logger, timeoutHeader.ToString(), method);
            }
        }
    }

    private enum EndReason
    {
        None,
        DeadlineExceeded,
        ClientCancelled,
        ShuttingDown,
    }

    public GrpcCallEnvironment Environment { get; }

    /// <summary>True when request messages may arrive gzip-compressed (grpc-encoding: gzip).</summary>
    public bool GzipRequests { get; init; }

    /// <summary>True when response messages are gzip-compressed.</summary>
    public bool CompressResponses { get; }

    /// <summary>True once headers or a message have gone to the response: the status then goes in trailers.</summary>
    public bool ResponseStarted { get; private set; }

    public HttpContext HttpContext => _http;

    public override string Method { get; }

    public override string Host => _http.Request.Host.Value ?? "";

    public override string Peer => _http.Connection.RemoteIpAddress is { } ip
        ? $"{(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6:[" + ip + "]" : "ipv4:" + ip)}:{_http.Connection.RemotePort}"
        : "unknown";

    public override DateTime Deadline => _deadline?.Deadline ?? DateTime.MaxValue;

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    public override CancellationToken CancellationToken => _cancellation.Token;

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override Status Status { get; set; } = Status.DefaultSuccess;

    public override IDictionary<object, object> UserState => _userState ??= new Dictionary<object, object>();

    public bool DeadlineExceeded => Volatile.Read(ref _endReason) == (int)EndReason.DeadlineExceeded;

    public bool ClientCancelled => Volatile.Read(ref _endReason) == (int)EndReason.ClientCancelled;

    public bool ShuttingDown => Volatile.Read(ref _endReason) == (int)EndReason.ShuttingDown;

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        if (ResponseStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
        }
        foreach (var entry in responseHeaders)
        {
            if (GrpcProtocol.IsReservedHeader(entry.Key))
            {
                throw new InvalidOperationException($"'{entry.Key}' is reserved by the protocol and cannot be sent as metadata.");
            }
            _http.Response.Headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
        StartResponse();
        return _http.Response.BodyWriter.FlushAsync(CancellationToken).AsTask();
    }

    /// <summary>Sets the gRPC response headers; called before the first byte of the response.</summary>
    public void StartResponse()
    {
        if (ResponseStarted)
        {
            return;
        }
        ResponseStarted = true;
        var response = _http.Response;
        response.ContentType = GrpcProtocol.ContentType;
        if (CompressResponses)
        {
            response.Headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.GzipEncoding;
        }
    }

    /// <summary>The status the call ends with, overriding the handler's when the call was ended from outside.</summary>
    public Status? StatusFromEnd() => (EndReason)Volatile.Read(ref _endReason) switch
    {
        EndReason.DeadlineExceeded => new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"),
        EndReason.ClientCancelled => new Status(StatusCode.Cancelled, "Cancelled by the client"),
        EndReason.ShuttingDown => new Status(StatusCode.Unavailable, "The server is shutting down"),
        _ => null,
    };

    public void Dispose()
    {
        _deadline?.Dispose();
        _abortRegistration.Dispose();
        _shutdownRegistration.Dispose();
        _cancellation.Dispose();
    }

    private void End(EndReason reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, (int)reason, (int)EndReason.None) == (int)EndReason.None)
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The call finished as the deadline or shutdown arrived; nothing is left to cancel.
            }
        }
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in _http.Request.Headers)
        {
            MetadataHeaders.AddFromHeader(metadata, header.Key, header.Value);
        }
        return metadata;
    }
}
