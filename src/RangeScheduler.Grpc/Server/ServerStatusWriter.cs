using System.Globalization;
using Microsoft.AspNetCore.Http;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Server;

/// <summary>
/// Puts the final status on the wire: in trailers after a response has started, or as a
/// trailers-only response (status in the only HEADERS frame) when nothing was sent.
/// </summary>
internal static class ServerStatusWriter
{
    public static void Write(HttpServerCallContext context, Status status, Metadata? errorTrailers)
    {
        var response = context.HttpContext.Response;
        var code = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (!context.ResponseStarted)
        {
            response.ContentType = GrpcProtocol.ContentType;
            Add(response.Headers, GrpcProtocol.StatusHeader, code);
            if (!string.IsNullOrEmpty(status.Detail))
            {
                Add(response.Headers, GrpcProtocol.MessageHeader, StatusMessageEncoding.Encode(status.Detail));
            }
            AddMetadata(response.Headers, context.ResponseTrailers, errorTrailers);
            return;
        }
        if (!response.SupportsTrailers())
        {
            return;
        }
        response.AppendTrailer(GrpcProtocol.StatusHeader, code);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, StatusMessageEncoding.Encode(status.Detail));
        }
        foreach (var entry in Entries(context.ResponseTrailers, errorTrailers))
        {
            response.AppendTrailer(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
    }

    private static void AddMetadata(IHeaderDictionary headers, Metadata trailers, Metadata? errorTrailers)
    {
        foreach (var entry in Entries(trailers, errorTrailers))
        {
            headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
    }

    private static IEnumerable<Metadata.Entry> Entries(Metadata trailers, Metadata? errorTrailers) =>
        (errorTrailers is null ? trailers : trailers.Concat(errorTrailers))
            .Where(e => !GrpcProtocol.IsReservedHeader(e.Key));

    private static void Add(IHeaderDictionary headers, string name, string value) => headers[name] = value;
}
