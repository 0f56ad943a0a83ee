using Microsoft.AspNetCore.Http;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Server;

/// <summary>
/// What a request must be before a call starts: HTTP/2, a gRPC content type and a message
/// encoding this server speaks. Anything else is answered here, without a call context.
/// </summary>
internal static class ServerRequestValidation
{
    public static bool TryAccept(HttpContext http, GrpcCallEnvironment environment, out bool gzipRequests, out bool compressResponses)
    {
        gzipRequests = false;
        compressResponses = false;
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            Reject(http, environment, StatusCodes.Status426UpgradeRequired, StatusCode.Internal,
                $"Request protocol '{request.Protocol}' is not supported: gRPC needs HTTP/2");
            return false;
        }
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            Reject(http, environment, StatusCodes.Status415UnsupportedMediaType, StatusCode.Internal,
                $"Content-Type '{request.ContentType}' is not supported: gRPC needs '{GrpcProtocol.ContentType}'");
            return false;
        }
        var encoding = request.Headers[GrpcProtocol.EncodingHeader].ToString();
        switch (encoding)
        {
            case "" or GrpcProtocol.IdentityEncoding:
                break;
            case GrpcProtocol.GzipEncoding:
                gzipRequests = true;
                break;
            default:
                http.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
                Reject(http, environment, StatusCodes.Status200OK, StatusCode.Unimplemented,
                    $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcProtocol.SupportedEncodings}");
                return false;
        }
        compressResponses = environment.Options.ResponseCompression == GrpcProtocol.GzipEncoding
            && AcceptsGzip(request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString());
        return true;
    }

    /// <summary>Ends a request that never became a call with a trailers-only response.</summary>
    public static void Reject(HttpContext http, GrpcCallEnvironment environment, int httpStatus, StatusCode code, string message)
    {
        GrpcServerLog.CallRejected(environment.Logger, http.Request.Path, message);
        var response = http.Response;
        response.StatusCode = httpStatus;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageHeader] = StatusMessageEncoding.Encode(message);
    }

    private static bool AcceptsGzip(string acceptEncoding)
    {
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part == GrpcProtocol.GzipEncoding)
            {
                return true;
            }
        }
        return false;
    }
}
