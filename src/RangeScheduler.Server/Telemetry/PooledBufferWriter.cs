using System.Buffers;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// A growing byte buffer on the pinned object heap, which the collector sweeps with
/// generation 2 but never copies. For buffers that live for seconds while filling, such as a
/// vehicle's track run: on the ordinary heap, ten thousand of them were copied from
/// generation 0 to 1 to 2, and the pauses grew with them.
/// </summary>
internal sealed class PinnedBufferWriter(int initialCapacity) : IBufferWriter<byte>
{
    private byte[] _buffer = GC.AllocateUninitializedArray<byte>(initialCapacity, pinned: true);
    private int _written;

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

    /// <summary>Grows the buffer so that at least <paramref name="sizeHint"/> bytes (1 if 0) follow what is written.</summary>
    private void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            var grown = GC.AllocateUninitializedArray<byte>(Math.Max(needed, _buffer.Length * 2), pinned: true);
            WrittenSpan.CopyTo(grown);
            _buffer = grown;
        }
    }
}
