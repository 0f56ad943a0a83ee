using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RangeScheduler.Grpc.Server;

public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Serves HTTP/2 only on every endpoint: with prior knowledge (h2c) on http:// addresses,
    /// by ALPN on https:// ones. Streams get the flow-control windows that high message rates need.
    /// </summary>
    public static KestrelServerOptions ConfigureGrpcDefaults(this KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
        kestrel.Limits.Http2.InitialConnectionWindowSize = 4 * 1024 * 1024;
        kestrel.Limits.Http2.InitialStreamWindowSize = 2 * 1024 * 1024;
        kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        kestrel.Limits.MinResponseDataRate = null;
        return kestrel;
    }
}
