using System.Buffers;
using RangeScheduler.Grpc.Protocol;
using RangeScheduler.Grpc.Tests.Echo;

namespace RangeScheduler.Grpc.Tests.Protocol;

public sealed class MessageFramingTests
{
    private static readonly Google.Protobuf.MessageParser<EchoRequest> Parser = EchoRequest.Parser;

    [Fact]
    public void WriteThenRead_RoundTripsWithFiveByteHeader()
    {
        var message = new EchoRequest { Text = "frame me" };
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.Write(buffer, message, compress: false, maxSize: null);

        buffer.WrittenCount.ShouldBe(5 + message.CalculateSize());
        buffer.WrittenSpan[0].ShouldBe((byte)0);
        var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory);
        MessageFraming.TryRead(ref sequence, 1024, out var compressed, out var payload).ShouldBeTrue();
        compressed.ShouldBeFalse();
        sequence.Length.ShouldBe(0);
        MessageFraming.Parse(Parser, payload, compressed, gzipNegotiated: false, 1024).ShouldBe(message);
    }

    [Fact]
    public void PartialFrame_NotReadUntilComplete()
    {
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.Write(buffer, new EchoRequest { Text = "split" }, false, null);
        for (var cut = 0; cut < buffer.WrittenCount; cut++)
        {
            var partial = new ReadOnlySequence<byte>(buffer.WrittenMemory[..cut]);
            MessageFraming.TryRead(ref partial, 1024, out _, out _).ShouldBeFalse($"cut at {cut}");
        }
    }

    [Fact]
    public void FrameSplitAcrossSegments_Read()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var message = new EchoRequest { Text = "across segments", Payload = Google.Protobuf.ByteString.CopyFrom(new byte[300]) };
        MessageFraming.Write(buffer, message, false, null);
        var sequence = Segments.Split(buffer.WrittenMemory, 3, 7, 100);
        MessageFraming.TryRead(ref sequence, 1024, out _, out var payload).ShouldBeTrue();
        MessageFraming.Parse(Parser, payload, false, false, 1024).ShouldBe(message);
    }

    [Fact]
    public void AnnouncedLengthOverMax_ResourceExhausted()
    {
        var sequence = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 4, 1 });
        var e = Should.Throw<RpcException>(() => MessageFraming.TryRead(ref sequence, 1024, out _, out _));
        e.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        e.Status.Detail.ShouldContain("1025 vs. 1024");
    }

    [Fact]
    public void InvalidCompressedFlag_Internal()
    {
        var sequence = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });
        Should.Throw<RpcException>(() => MessageFraming.TryRead(ref sequence, 1024, out _, out _)).StatusCode.ShouldBe(StatusCode.Internal);
    }

    [Fact]
    public void SendOverMax_ResourceExhaustedAndNothingWritten()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var e = Should.Throw<RpcException>(() => MessageFraming.Write(buffer, new EchoRequest { Text = new string('x', 100) }, false, maxSize: 10));
        e.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        buffer.WrittenCount.ShouldBe(0);
    }

    [Fact]
    public void Compressed_SetsFlagShrinksAndRoundTrips()
    {
        var message = new EchoRequest { Text = new string('a', 10_000) };
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.Write(buffer, message, compress: true, maxSize: null);

        buffer.WrittenSpan[0].ShouldBe((byte)1);
        buffer.WrittenCount.ShouldBeLessThan(message.CalculateSize() / 10);
        var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory);
        MessageFraming.TryRead(ref sequence, 1 << 20, out var compressed, out var payload).ShouldBeTrue();
        MessageFraming.Parse(Parser, payload, compressed, gzipNegotiated: true, 1 << 20).ShouldBe(message);
    }

    [Fact]
    public void CompressedWithoutNegotiatedEncoding_Internal()
    {
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.Write(buffer, new EchoRequest { Text = "zipped" }, compress: true, maxSize: null);
        var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory);
        MessageFraming.TryRead(ref sequence, 1024, out var compressed, out var payload).ShouldBeTrue();
        Should.Throw<RpcException>(() => MessageFraming.Parse(Parser, payload, compressed, gzipNegotiated: false, 1024))
            .StatusCode.ShouldBe(StatusCode.Internal);
    }

    [Fact]
    public void CompressedMessageInflatingOverMax_ResourceExhausted()
    {
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.Write(buffer, new EchoRequest { Text = new string('a', 100_000) }, compress: true, maxSize: null);
        var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory);
        MessageFraming.TryRead(ref sequence, 50_000, out var compressed, out var payload).ShouldBeTrue();
        Should.Throw<RpcException>(() => MessageFraming.Parse(Parser, payload, compressed, true, 50_000))
            .StatusCode.ShouldBe(StatusCode.ResourceExhausted);
    }

    [Fact]
    public void CorruptGzip_Internal()
    {
        var payload = new ReadOnlySequence<byte>(new byte[] { 0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7 });
        Should.Throw<RpcException>(() => MessageFraming.Parse(Parser, payload, true, true, 1024)).StatusCode.ShouldBe(StatusCode.Internal);
    }
}
