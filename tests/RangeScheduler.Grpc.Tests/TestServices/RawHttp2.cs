using System.Buffers;
using System.Net;
using Google.Protobuf;
using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Tests.TestServices;

/// <summary>Plain HTTP/2 requests, to look at what the server puts on the wire without our client in between.</summary>
public static class RawHttp2
{
    public sealed record Response(HttpStatusCode StatusCode, HttpResponseMessage Message, byte[] Body)
    {
        public string? Header(string name) => Message.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;

        public string? Trailer(string name) => Message.TrailingHeaders.TryGetValues(name, out var v) ? string.Join(",", v) : null;
    }

    public static byte[] Frame(IMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.Write(buffer, message, compress: false, maxSize: null);
        return buffer.WrittenSpan.ToArray();
    }

    public static async Task<Response> PostAsync(string address, string path, byte[] body, string contentType = "application/grpc", params (string Name, string Value)[] headers)
    {
        using var client = new HttpClient(new SocketsHttpHandler());
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(address), path))
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Response(response.StatusCode, response, bytes);
    }
}
