using System.Buffers;
using System.IO.Compression;

namespace RangeScheduler.Grpc.Protocol;

/// <summary>gzip for single messages, the only compression the transport offers besides identity.</summary>
internal static class MessageCompression
{
    public static ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> raw)
    {
        var output = new MemoryStream(raw.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw);
        }
        return output.GetBuffer().AsSpan(0, (int)output.Length);
    }

    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the inflated message exceeds <paramref name="maxSize"/>; INTERNAL when it is not valid gzip.</exception>
    public static byte[] Decompress(ReadOnlySequence<byte> payload, int maxSize)
    {
        try
        {
            using var gzip = new GZipStream(new ReadOnlySequenceStream(payload), CompressionMode.Decompress);
            var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted,
                        $"Received message larger than max (over {maxSize} bytes once decompressed)"));
                }
                output.Write(chunk, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to decompress message: " + e.Message));
        }
    }

    /// <summary>A read-only stream over a byte sequence, so gzip can read a frame without copying it.</summary>
    private sealed class ReadOnlySequenceStream(ReadOnlySequence<byte> sequence) : Stream
    {
        private readonly long _length = sequence.Length;
        private ReadOnlySequence<byte> _remaining = sequence;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _length - _remaining.Length; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, _remaining.Length);
            _remaining.Slice(0, n).CopyTo(buffer);
            _remaining = _remaining.Slice(n);
            return n;
        }

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
