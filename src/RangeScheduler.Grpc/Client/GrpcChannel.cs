using Google.Protobuf;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Client;

/// <summary>
/// A connection to one gRPC server over HTTP/2 (prior knowledge on http://, ALPN on
/// https://), shared by any number of concurrent calls. Like Grpc.Net.Client's class of
/// the same name, it makes calls of the four shapes from <see cref="Method{TRequest, TResponse}"/>s.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly bool _ownsHandler;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _uris = new();

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        _ownsHandler = options.HttpHandler is null;
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            InitialHttp2StreamWindowSize = 2 * 1024 * 1024,
        };
        Invoker = new HttpMessageInvoker(handler, disposeHandler: _ownsHandler);
        CompressRequests = options.RequestCompression switch
        {
            null or GrpcProtocol.IdentityEncoding => false,
            GrpcProtocol.GzipEncoding => true,
            var other => throw new ArgumentException($"Unsupported request compression '{other}': use gzip or none.", nameof(options)),
        };
    }

    public Uri Address { get; }

    public GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    internal bool CompressRequests { get; }

    /// <summary>The request URI of a method path, parsed once per method rather than once per call.</summary>
    internal Uri UriOf(string path) => _uris.GetOrAdd(path, static (p, address) => new Uri(address, p), Address);

    /// <summary>A channel to <paramref name="address"/>, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must be http:// or https://.", nameof(address));
        }
        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    public AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = new GrpcCall(this, method.FullName, options);
        var reader = new ClientResponseReader<TResponse>(call, StartWithRequest(call, request), method.ResponseParser, streaming: false);
        return new AsyncUnaryCall<TResponse>(call, ReadSingleAsync(reader));
    }

    public AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = new GrpcCall(this, method.FullName, options);
        var reader = new ClientResponseReader<TResponse>(call, StartWithRequest(call, request), method.ResponseParser, streaming: true);
        return new AsyncServerStreamingCall<TResponse>(call, reader);
    }

    public AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var (call, writer, reader) = StartStreaming(method, options, streamingResponse: false);
        return new AsyncClientStreamingCall<TRequest, TResponse>(call, writer, ReadSingleAsync(reader));
    }

    public AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var (call, writer, reader) = StartStreaming(method, options, streamingResponse: true);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call, writer, reader);
    }

    public void Dispose() => Invoker.Dispose();

    private (GrpcCall, ClientRequestStreamWriter<TRequest>, ClientResponseReader<TResponse>) StartStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, bool streamingResponse)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = new GrpcCall(this, method.FullName, options);
        var content = new StreamingRequestContent();
        call.OnEnded(status => content.Abort(new RpcException(status)));
        var writer = new ClientRequestStreamWriter<TRequest>(call, content);
        var reader = new ClientResponseReader<TResponse>(call, call.StartAsync(content), method.ResponseParser, streamingResponse);
        return (call, writer, reader);
    }

    /// <summary>Sends a one-message request; one too large to send ends the call before anything goes out.</summary>
    private Task<HttpResponseMessage> StartWithRequest(GrpcCall call, IMessage request)
    {
        try
        {
            return call.StartAsync(new UnaryRequestContent(request, CompressRequests, Options.MaxSendMessageSize));
        }
        catch (RpcException e)
        {
            return Task.FromException<HttpResponseMessage>(new RpcException(call.EndWithException(e)));
        }
    }

    private static async Task<TResponse> ReadSingleAsync<TResponse>(IAsyncStreamReader<TResponse> reader)
    {
        if (!await reader.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Internal, "The call succeeded without a response message"));
        }
        var response = reader.Current;
        if (await reader.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Internal, "The server sent more than one response message"));
        }
        return response;
    }

}
