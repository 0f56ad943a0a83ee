using Google.Protobuf;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Server;

/// <summary>The one request of a unary or server-streaming call: exactly one message, no more, no less.</summary>
internal static class SingleRequest
{
    public static async Task<T> ReadAsync<T>(HttpRequestStreamReader<T> reader, HttpServerCallContext context)
        where T : class, IMessage<T>
    {
        if (!await reader.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Internal, "Request ended without a message"));
        }
        var request = reader.Current;
        if (await reader.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Internal, "Request carried more than one message"));
        }
        return request;
    }
}

/// <summary>The one response of a unary or client-streaming call, written only when the call succeeds.</summary>
internal static class SingleResponse
{
    public static void Write<T>(HttpServerCallContext context, T? response)
        where T : class, IMessage<T>
    {
        if (context.Status.StatusCode != StatusCode.OK || context.StatusFromEnd() is not null)
        {
            return;
        }
        if (response is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The method returned no response message"));
        }
        // An oversized message must fail before the headers go out, so its status can still be trailers-only.
        var maxSize = context.Environment.Options.MaxSendMessageSize;
        MessageFraming.CheckSendSize(response.CalculateSize(), maxSize);
        context.StartResponse();
        MessageFraming.Write(context.HttpContext.Response.BodyWriter, response, context.CompressResponses, maxSize);
    }
}
