using RangeScheduler.Grpc.Protocol;
using RangeScheduler.Grpc.Tests.Echo;

namespace RangeScheduler.Grpc.Tests.Protocol;

public sealed class CoalescingMessageWriterTests
{
    [Fact]
    public async Task ManySmallWrites_LeaveInFarFewerLargerSends()
    {
        var sends = new List<int>();
        var writer = new CoalescingMessageWriter(async batch =>
        {
            lock (sends)
            {
                sends.Add(batch.Length);
            }
            await Task.Delay(1);
        });
        var message = new EchoRequest { Text = "position" };
        for (var i = 0; i < 10_000; i++)
        {
            await writer.WriteAsync(message, false, null);
        }
        await writer.DrainAsync();

        sends.Sum().ShouldBe(10_000 * (5 + message.CalculateSize()));
        sends.Count.ShouldBeLessThan(1_000);
    }

    [Fact]
    public async Task SendsPreserveMessageOrder()
    {
        var received = new List<byte>();
        var writer = new CoalescingMessageWriter(batch =>
        {
            received.AddRange(batch.ToArray());
            return ValueTask.CompletedTask;
        });
        for (var i = 0; i < 500; i++)
        {
            await writer.WriteAsync(new EchoRequest { Text = i.ToString() }, false, null);
        }
        await writer.DrainAsync();

        var sequence = new System.Buffers.ReadOnlySequence<byte>(received.ToArray());
        for (var i = 0; i < 500; i++)
        {
            MessageFraming.TryRead(ref sequence, 1024, out _, out var payload).ShouldBeTrue();
            EchoRequest.Parser.ParseFrom(payload).Text.ShouldBe(i.ToString());
        }
    }

    [Fact]
    public async Task QueueOverHighWater_WriterWaitsForTheNetwork()
    {
        var network = new TaskCompletionSource();
        var writer = new CoalescingMessageWriter(async _ => await network.Task, highWaterBytes: 1024);
        var message = new EchoRequest { Text = new string('x', 200) };
        Task write = Task.CompletedTask;
        for (var i = 0; i < 20 && write.IsCompleted; i++)
        {
            write = writer.WriteAsync(message, false, null);
        }

        write.IsCompleted.ShouldBeFalse();
        network.SetResult();
        await write.WaitAsync(TimeSpan.FromSeconds(5));
        await writer.DrainAsync().WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SendFails_LaterWritesAndDrainFailWithTheCause()
    {
        var writer = new CoalescingMessageWriter(_ => throw new IOException("connection reset"));
        await writer.WriteAsync(new EchoRequest { Text = "lost" }, false, null);

        (await Should.ThrowAsync<IOException>(writer.DrainAsync())).Message.ShouldBe("connection reset");
        await Should.ThrowAsync<IOException>(writer.WriteAsync(new EchoRequest(), false, null));
    }

    [Fact]
    public async Task OversizedMessage_FailsThatWriteOnly()
    {
        var sent = 0;
        var writer = new CoalescingMessageWriter(batch =>
        {
            Interlocked.Add(ref sent, batch.Length);
            return ValueTask.CompletedTask;
        });

        (await Should.ThrowAsync<RpcException>(writer.WriteAsync(new EchoRequest { Text = new string('x', 100) }, false, maxSize: 50)))
            .StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        await writer.WriteAsync(new EchoRequest { Text = "small" }, false, maxSize: 50);
        await writer.DrainAsync();
        sent.ShouldBe(5 + new EchoRequest { Text = "small" }.CalculateSize());
    }
}
