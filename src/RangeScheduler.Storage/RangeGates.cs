using System.Collections.Concurrent;

namespace RangeScheduler.Storage;

/// <summary>
/// One in-process gate per range, made on first use. Callers deciding on the same range
/// wait here, in memory, rather than each holding a database connection while it waits
/// for the range's lock.
/// </summary>
internal sealed class RangeGates
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the range's gate; dispose the result to release it.</summary>
    public async Task<Held> EnterAsync(string rangeId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(rangeId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Held(gate);
    }

    /// <summary>A gate entered; releasing it lets the range's next caller in.</summary>
    public readonly struct Held(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
