using Google.Protobuf;
using RangeScheduler.Grpc.Tests.Echo;

namespace RangeScheduler.Grpc.Tests.TestServices;

/// <summary>The behaviour echo.proto describes, for the transport tests and the interop clients.</summary>
public sealed class EchoService(CallLog log)
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Descriptor = EchoReflection.Descriptor.Services[0];

    public async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        var reply = new EchoReply { Text = request.Text, Payload = request.Payload, DeadlineMsLeft = MillisecondsLeft(context) };
        reply.SeenMetadata.Add(SeenMetadata(context.RequestHeaders));
        reply.SeenMetadata.Add(context.UserState.Select(pair => $"state:{pair.Key}={pair.Value}"));
        await EchoHeadersAsync(context).ConfigureAwait(false);
        await DelayAsync(request, context).ConfigureAwait(false);
        Fail(request);
        return reply;
    }

    public async Task Expand(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        await DelayAsync(request, context).ConfigureAwait(false);
        for (uint i = 0; i < request.Count; i++)
        {
            await responses.WriteAsync(new EchoReply { Text = $"{request.Text}-{i}", Index = i, Payload = request.Payload }).ConfigureAwait(false);
        }
        Fail(request);
    }

    public async Task<EchoSummary> Collect(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context)
    {
        var texts = new List<string>();
        EchoRequest? last = null;
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            last = requests.Current;
            texts.Add(last.Text);
        }
        if (last is not null)
        {
            await DelayAsync(last, context).ConfigureAwait(false);
            Fail(last);
        }
        return new EchoSummary { Count = (uint)texts.Count, Joined = string.Join(",", texts) };
    }

    public async Task Chat(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        uint index = 0;
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = requests.Current;
            await DelayAsync(request, context).ConfigureAwait(false);
            Fail(request);
            await responses.WriteAsync(new EchoReply { Text = request.Text, Payload = request.Payload, Index = index++ }).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits as asked, logged as "{text}:waiting" when it starts, so that a test can cancel a call the handler is
    /// known to be in; a wait cut short by the call's end is logged as "{text}:cancelled".
    /// </summary>
    private async Task DelayAsync(EchoRequest request, ServerCallContext context)
    {
        if (request.DelayMs == 0)
        {
            return;
        }
        log.Record($"{request.Text}:waiting");
        try
        {
            await Task.Delay((int)request.DelayMs, context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            log.Record($"{request.Text}:cancelled");
            throw;
        }
    }

    /// <summary>A negative code throws a plain exception, as a bug in a handler would.</summary>
    private static void Fail(EchoRequest request)
    {
        if (request.FailWithCode < 0)
        {
            throw new InvalidOperationException(request.FailMessage);
        }
        if (request.FailWithCode != 0)
        {
            throw new RpcException(new Status((StatusCode)request.FailWithCode, request.FailMessage));
        }
    }

    private static long MillisecondsLeft(ServerCallContext context) =>
        context.Deadline == DateTime.MaxValue ? 0 : (long)(context.Deadline - DateTime.UtcNow).TotalMilliseconds;

    private static IEnumerable<string> SeenMetadata(Metadata headers) =>
        headers.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal))
            .Select(e => e.IsBinary ? $"{e.Key}={Convert.ToBase64String(e.ValueBytes)}" : $"{e.Key}={e.Value}");

    /// <summary>Request headers starting with x- go back as response headers and, renamed, as trailers.</summary>
    private static Task EchoHeadersAsync(ServerCallContext context)
    {
        var echoed = context.RequestHeaders.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal)).ToList();
        if (echoed.Count == 0)
        {
            return Task.CompletedTask;
        }
        var headers = new Metadata();
        foreach (var entry in echoed)
        {
            headers.Add(entry);
            context.ResponseTrailers.Add(entry.IsBinary
                ? new Metadata.Entry(TrailerKey(entry.Key), entry.ValueBytes)
                : new Metadata.Entry(TrailerKey(entry.Key), entry.Value));
        }
        return context.WriteResponseHeadersAsync(headers);
    }

    private static string TrailerKey(string key) => key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal)
        ? key[..^Metadata.BinaryHeaderSuffix.Length] + "-trailer" + Metadata.BinaryHeaderSuffix
        : key + "-trailer";
}
