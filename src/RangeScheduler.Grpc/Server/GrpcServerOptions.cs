namespace RangeScheduler.Grpc.Server;

/// <summary>Settings of the gRPC server, bound once at start-up.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted, after decompression; larger ones end the call with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = Protocol.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent; null: no limit. Larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>"gzip" to compress responses to clients that accept it; null: never compress.</summary>
    public string? ResponseCompression { get; set; }

    /// <summary>Put an unexpected exception's message in the status detail; off in production, where it may leak internals.</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>
    /// Turns an exception a handler throws into the status the call ends with, so that an
    /// application maps its own failures in one place; null (or a null result) leaves the
    /// exception unexpected: UNKNOWN, and logged.
    /// </summary>
    public Func<Exception, RpcException?>? TranslateException { get; set; }

    /// <summary>Queued response bytes of one stream beyond which a writer waits for the network.</summary>
    public int StreamWriteHighWaterBytes { get; set; } = 256 * 1024;
}
