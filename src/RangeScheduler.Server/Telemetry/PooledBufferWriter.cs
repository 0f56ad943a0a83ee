using System.Buffers;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// A growing byte buffer rented from a pool and given back on <see cref="Dispose"/>, for
/// buffers that live for seconds while filling, such as a vehicle's track run. Fresh arrays
/// for them were the trouble either way: on the ordinary heap ten thousand of them were
/// copied from generation 0 to 1 to 2; on the pinned object heap their allocations used up
/// its budget every few seconds, and each time the runtime answered with a blocking
/// generation 2 collection of the whole heap. Pooled arrays settle in generation 2 once and
/// are reused from then on.
/// </summary>
internal sealed class PooledBufferWriter(ArrayPool<byte> pool, int initialCapacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = pool.Rent(initialCapacity);
    private int _written;
    private bool _disposed;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Gives the buffer back to the pool; the writer must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        pool.Return(_buffer);
        _buffer = [];
        _written = 0;
    }

    /// <summary>Grows the buffer so that at least <paramref name="sizeHint"/> bytes (1 if 0) follow what is written.</summary>
    private void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var grown = pool.Rent(Math.Max(needed, _buffer.Length * 2));
            WrittenSpan.CopyTo(grown);
            pool.Return(_buffer);
            _buffer = grown;
        }
    }
}
