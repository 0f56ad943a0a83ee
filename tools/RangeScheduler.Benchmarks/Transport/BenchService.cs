namespace RangeScheduler.Benchmarks.Transport;

/// <summary>Answers every ping at once, so that a measurement sees only the transport.</summary>
public sealed class BenchService
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Descriptor = BenchReflection.Descriptor.Services[0];

    public static readonly Grpc.Method<Ping, Pong> UnaryMethod = Grpc.Method<Ping, Pong>.FromDescriptor(Descriptor.FindMethodByName("Unary"));

    public static readonly Grpc.Method<Ping, Pong> PipeMethod = Grpc.Method<Ping, Pong>.FromDescriptor(Descriptor.FindMethodByName("Pipe"));

    public Task<Pong> Unary(Ping request, Grpc.ServerCallContext context) =>
        Task.FromResult(new Pong { Id = request.Id, Note = request.Note });

    public async Task Pipe(Grpc.IAsyncStreamReader<Ping> requests, Grpc.IServerStreamWriter<Pong> responses, Grpc.ServerCallContext context)
    {
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var ping = requests.Current;
            await responses.WriteAsync(new Pong { Id = ping.Id, Note = ping.Note }).ConfigureAwait(false);
        }
    }
}
