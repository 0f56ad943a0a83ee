namespace RangeScheduler.Storage.Postgres;

/// <summary>A caller's decision waiting for its range's next transaction, and how it is answered.</summary>
internal abstract class PendingDecision(long knownSequence, CancellationToken cancellationToken)
{
    public long KnownSequence { get; } = knownSequence;

    public bool IsCancelled => cancellationToken.IsCancellationRequested;

    /// <summary>Runs the caller's decision; null when it threw (the caller has its exception).</summary>
    public abstract LedgerWrite? Decide(RangeChanges changes);

    /// <summary>The transaction that holds the decision's write committed, at this sequence.</summary>
    public abstract void Committed(long sequence);

    public abstract void Fail(Exception error);

    /// <summary>Cancelled before it was decided: nothing was decided or written for it.</summary>
    public abstract void Cancel();
}

internal sealed class PendingDecision<T>(long knownSequence, Func<RangeChanges, LedgerDecision<T>> decide, CancellationToken cancellationToken)
    : PendingDecision(knownSequence, cancellationToken)
{
    private readonly TaskCompletionSource<LedgerResult<T>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _cancellationToken = cancellationToken;
    private T? _result;

    public Task<LedgerResult<T>> Answer => _answer.Task;

    public override LedgerWrite? Decide(RangeChanges changes)
    {
        try
        {
            var decision = decide(changes);
            _result = decision.Result;
            return decision.Write;
        }
        catch (Exception e)
        {
            _answer.TrySetException(e);
            return null;
        }
    }

    public override void Committed(long sequence) => _answer.TrySetResult(new LedgerResult<T>(sequence, _result!));

    public override void Fail(Exception error) => _answer.TrySetException(error);

    public override void Cancel() => _answer.TrySetCanceled(_cancellationToken);
}
