using System.Net;
using System.Net.Http.Headers;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Client;

/// <summary>
/// One call on the client: sends the request over HTTP/2, reads response headers, messages
/// and trailers, and turns every way a call can end — status, deadline, cancellation,
/// broken connection — into a <see cref="Status"/>.
/// </summary>
internal sealed class GrpcCall : IClientCallState
{
    private readonly GrpcChannel _channel;
    private readonly string _path;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationTokenSource? _deadline;
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpResponseMessage? _response;
    private Status? _status;
    private Metadata? _trailers;
    private bool _gzipResponses;
    private Action<Status>? _ended;

    public GrpcCall(GrpcChannel channel, string path, CallOptions options)
    {
        _channel = channel;
        _path = path;
        _options = options;
        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var timeout = deadline.ToUniversalTime() - channel.Options.TimeProvider.GetUtcNow().UtcDateTime;
            _deadline = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, channel.Options.TimeProvider);
            Timeout = timeout;
        }
        _cancellation = (_deadline, options.CancellationToken.CanBeCanceled) switch
        {
            (null, false) => new CancellationTokenSource(),
            (null, true) => CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken),
            (_, false) => CancellationTokenSource.CreateLinkedTokenSource(_deadline.Token),
            _ => CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, _deadline.Token),
        };
    }

    public Task<Metadata> ResponseHeadersAsync => _headers.Task;

    public CancellationToken CallCancelled => _cancellation.Token;

    public GrpcChannel Channel => _channel;

    private TimeSpan? Timeout { get; }

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not ended yet.");

    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("The call has not ended yet.");

    /// <summary>Sends the request headers with <paramref name="content"/> as the body; the response is read by the readers.</summary>
    public Task<HttpResponseMessage> StartAsync(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.UriOf(_path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        content.Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocol.TeHeader, "trailers");
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        if (_channel.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.GzipEncoding);
        }
        if (Timeout is { } timeout)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(timeout));
        }
        foreach (var entry in _options.Headers ?? Empty)
        {
            headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
        return SendAsync(request);
    }

    /// <summary>Reads response headers; false for a trailers-only response, whose status is then set.</summary>
    internal bool AcceptHeaders(HttpResponseMessage response)
    {
        _response = response;
        var metadata = new Metadata();
        foreach (var header in response.Headers)
        {
            MetadataHeaders.AddFromHeader(metadata, header.Key, new(header.Value.ToArray()));
        }
        _headers.TrySetResult(metadata);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            End(StatusFromHttp(response), response.Headers);
            return false;
        }
        if (ReadStatus(response.Headers) is { } trailersOnly)
        {
            End(trailersOnly, response.Headers);
            return false;
        }
        if (!GrpcProtocol.IsGrpcContentType(response.Content.Headers.ContentType?.MediaType))
        {
            End(new Status(StatusCode.Internal, $"Response has content-type '{response.Content.Headers.ContentType}', not gRPC"), response.Headers);
            return false;
        }
        var encoding = response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var values) ? values.FirstOrDefault() : null;
        _gzipResponses = encoding == GrpcProtocol.GzipEncoding;
        HasBody = true;
        return true;
    }

    internal bool GzipResponses => _gzipResponses;

    /// <summary>False when the response was trailers-only (or not gRPC at all): its status is already known.</summary>
    internal bool HasBody { get; private set; }

    /// <summary>Runs once when the call's status becomes known, e.g. to stop a request stream that nobody will read.</summary>
    internal void OnEnded(Action<Status> ended) => _ended = ended;

    /// <summary>Cancels the call on the caller's behalf, as when it passes a token to a stream read.</summary>
    internal void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The caller disposed the call; its HTTP request is already gone.
        }
    }

    /// <summary>Reads the status from the trailers after the last message.</summary>
    internal Status EndFromTrailers()
    {
        var trailers = _response!.TrailingHeaders;
        var status = ReadStatus(trailers) ?? new Status(StatusCode.Internal, "The response ended without a grpc-status");
        End(status, trailers);
        return status;
    }

    /// <summary>The status of a call that failed with an exception on our side: deadline, cancellation or transport.</summary>
    internal Status EndWithException(Exception e)
    {
        if (_status is { } known)
        {
            return known;
        }
        var status = e switch
        {
            RpcException rpc => rpc.Status,
            _ when _deadline?.IsCancellationRequested == true => new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"),
            OperationCanceledException when _options.CancellationToken.IsCancellationRequested => new Status(StatusCode.Cancelled, "Call cancelled by the caller"),
            HttpRequestException { InnerException: HttpProtocolException p } => FromProtocolError(p),
            HttpProtocolException p => FromProtocolError(p),
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, "Error connecting to the server: " + e.Message),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call cancelled"),
            _ => new Status(StatusCode.Internal, "Error in the gRPC client: " + e.Message),
        };
        End(status, null);
        _headers.TrySetException(new RpcException(status));
        // The failure is ours, not the server's: reset the HTTP/2 stream so the server stops too.
        Cancel();
        return status;
    }

    public void Dispose()
    {
        if (_status is null)
        {
            Cancel();
        }
        _response?.Dispose();
        _cancellation.Dispose();
        _deadline?.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        try
        {
            if (_deadline?.IsCancellationRequested == true)
            {
                throw new OperationCanceledException(_deadline.Token);
            }
            var response = await _channel.Invoker.SendAsync(request, _cancellation.Token).ConfigureAwait(false);
            AcceptHeaders(response);
            return response;
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw new RpcException(EndWithException(e));
        }
    }

    private void End(Status status, HttpHeaders? trailers)
    {
        if (_status is not null)
        {
            return;
        }
        var metadata = new Metadata();
        if (trailers is not null)
        {
            foreach (var header in trailers)
            {
                MetadataHeaders.AddFromHeader(metadata, header.Key, new(header.Value.ToArray()));
            }
        }
        _trailers = metadata;
        _status = status;
        _ended?.Invoke(status);
        // The call is over: release its HTTP/2 stream and deadline timer now rather than
        // leave them to a Dispose the caller may never make (and the stream to the finalizer).
        _response?.Dispose();
        _deadline?.Dispose();
    }

    private static Status? ReadStatus(HttpHeaders headers)
    {
        if (!headers.TryGetValues(GrpcProtocol.StatusHeader, out var codes))
        {
            return null;
        }
        var text = codes.First();
        var message = headers.TryGetValues(GrpcProtocol.MessageHeader, out var messages) ? StatusMessageEncoding.Decode(messages.First()) : "";
        return int.TryParse(text, out var code)
            ? new Status((StatusCode)code, message)
            : new Status(StatusCode.Unknown, $"Unparseable grpc-status '{text}'");
    }

    /// <summary>The mapping of PROTOCOL-HTTP2.md for responses that are not gRPC.</summary>
    private static Status StatusFromHttp(HttpResponseMessage response)
    {
        var code = response.StatusCode switch
        {
            HttpStatusCode.BadRequest => StatusCode.Internal,
            HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
            HttpStatusCode.NotFound => StatusCode.Unimplemented,
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        var detail = ReadStatus(response.Headers)?.Detail;
        return new Status(code, $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}{(string.IsNullOrEmpty(detail) ? "" : ". " + detail)}");
    }

    /// <remarks>
    /// NO_ERROR is how HttpClient reports a server closing the connection gracefully (GOAWAY)
    /// under a call still open: a server shutting down whose last frames, the call's status
    /// among them, were dropped with the connection before they were read. The server went
    /// away, so the call may be retried elsewhere: UNAVAILABLE, as for any lost connection.
    /// </remarks>
    private static Status FromProtocolError(HttpProtocolException e) => e.ErrorCode switch
    {
        0x0 => new Status(StatusCode.Unavailable, "The server is shutting down: it closed the connection before the call ended"),
        0x8 => new Status(StatusCode.Cancelled, "The server cancelled the stream"),
        0xB => new Status(StatusCode.ResourceExhausted, "The server reported ENHANCE_YOUR_CALM"),
        0x7 => new Status(StatusCode.Unavailable, "The server refused the stream"),
        _ => new Status(StatusCode.Internal, $"HTTP/2 error {e.ErrorCode}: {e.Message}"),
    };

    private static readonly Metadata Empty = new();
    private const string UserAgent = "rangescheduler-grpc-dotnet/1.0";
}
