namespace RangeScheduler.Server.Bookings;

/// <summary>One caller at a time per key; keys nobody holds take no memory.</summary>
internal sealed class KeyedGate
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_gates)
        {
            var entry = _gates.TryGetValue(key, out var found) ? found : (Gate: new SemaphoreSlim(1, 1), Users: 0);
            _gates[key] = (entry.Gate, entry.Users + 1);
            gate = entry.Gate;
        }
        try
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, entered: false);
            throw;
        }
        return new Turn(this, key);
    }

    private void Leave(string key, bool entered)
    {
        lock (_gates)
        {
            var (gate, users) = _gates[key];
            if (entered)
            {
                gate.Release();
            }
            if (users == 1)
            {
                _gates.Remove(key);
            }
            else
            {
                _gates[key] = (gate, users - 1);
            }
        }
    }

    private sealed class Turn(KeyedGate owner, string key) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(key, entered: true);
            }
        }
    }
}
