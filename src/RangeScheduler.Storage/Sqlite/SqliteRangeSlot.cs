namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// One range in the SQLite ledger. <see cref="Gate"/> lets one decision (or reload) at a
/// time run; <see cref="Sequence"/> and <see cref="LastWrite"/> are read and written only
/// under it. Decisions are queued and run back to back by one drainer holding the gate
/// (<see cref="Submit"/>): handing the gate from waiter to waiter would cost each decision
/// a trip through a busy thread pool, which is what limits a contended range.
/// A failed group commit marks the range broken, under the slot's own lock since the
/// committer does not hold the gate.
/// </summary>
internal sealed class SqliteRangeSlot(string rangeId)
{
    private readonly Lock _lock = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<Action> _decisions = new();
    private int _draining;
    private int _generation;
    private bool _broken;

    public string RangeId { get; } = rangeId;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The sequence after the last write decided (durable or queued); null until read from the file.</summary>
    public long? Sequence { get; set; }

    /// <summary>
    /// Runs <paramref name="decision"/> under <see cref="Gate"/>, after the decisions queued
    /// before it; on the calling thread when the range is idle.
    /// </summary>
    public void Submit(Action decision)
    {
        _decisions.Enqueue(decision);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = DrainAsync();
        }
    }

    /// <summary>Completes when the last write decided for the range is durable, or fails with it.</summary>
    public Task LastWrite { get; set; } = Task.CompletedTask;

    /// <summary>
    /// The generation a new decision's write belongs to.
    /// </summary>
    /// <exception cref="StoreUnavailableException">
    /// A write of the range failed since its state was last loaded: the caller's in-memory
    /// state may hold that write, so no decision is taken on it.
    /// </exception>
    public int EnterDecision()
    {
        lock (_lock)
        {
            if (_broken)
            {
                throw new StoreUnavailableException(
                    $"A write to range \"{RangeId}\" failed; load the range's state again before deciding on it.");
            }
            return _generation;
        }
    }

    /// <summary>True while writes of <paramref name="generation"/> may still be committed.</summary>
    public bool IsCurrent(int generation)
    {
        lock (_lock)
        {
            return generation == _generation;
        }
    }

    /// <summary>
    /// Called by the committer when a write of the range failed: every write already queued
    /// was decided on state that held the failed one, so none of them may be committed.
    /// </summary>
    public void MarkBroken()
    {
        lock (_lock)
        {
            _generation++;
            _broken = true;
        }
    }

    private async Task DrainAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            while (true)
            {
                while (_decisions.TryDequeue(out var decision))
                {
                    decision();
                }
                Volatile.Write(ref _draining, 0);
                // A decision queued after the queue was seen empty, by a caller that found
                // this drainer still running, is taken here rather than left waiting.
                if (_decisions.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                {
                    return;
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Called, under <see cref="Gate"/>, once the range's state has been read again from the file.</summary>
    public void Reloaded(long sequence)
    {
        Sequence = sequence;
        LastWrite = Task.CompletedTask;
        lock (_lock)
        {
            _broken = false;
        }
    }
}
