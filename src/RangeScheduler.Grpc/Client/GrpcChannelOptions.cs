namespace RangeScheduler.Grpc.Client;

/// <summary>Settings of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>The HTTP handler to send calls through; null: a <see cref="SocketsHttpHandler"/> made and owned by the channel.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Largest response message accepted, after decompression; larger ones fail the call with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = Protocol.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent; null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>"gzip" to compress request messages; null: send them as they are.</summary>
    public string? RequestCompression { get; set; }

    /// <summary>Queued request bytes of one stream beyond which a writer waits for the network.</summary>
    public int StreamWriteHighWaterBytes { get; set; } = 256 * 1024;

    /// <summary>Time source for deadlines.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
