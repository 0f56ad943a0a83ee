using Dapper;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// Decisions on one range run one at a time under the range's in-memory gate; their writes
/// go to the <see cref="SqliteGroupCommitter"/>, and the gate is released as soon as the
/// write is queued (its rows are mapped after), so the next decision runs while this one's commit syncs. Decisions of
/// different ranges run in parallel. One process owns the file, so no one else changes a
/// range: <see cref="RangeChanges"/> handed to a decision are always empty.
/// </summary>
internal sealed class SqliteRangeLedger(SqliteDatabase database, SqliteRangeSlots slots, SqliteGroupCommitter committer) : IRangeLedger
{
    public async Task<LedgerResult<T>> DecideAsync<T>(
        string rangeId, long knownSequence, Func<RangeChanges, LedgerDecision<T>> decide, CancellationToken cancellationToken)
    {
        var slot = slots[rangeId];
        var decided = new TaskCompletionSource<(SqlitePendingWrite? Queued, Task Durable, LedgerResult<T> Result)>(TaskCreationOptions.RunContinuationsAsynchronously);
        slot.Submit(() =>
        {
            // Cancelling stops only the wait for the range: a decision already taken is kept.
            if (cancellationToken.IsCancellationRequested)
            {
                decided.TrySetCanceled(cancellationToken);
                return;
            }
            try
            {
                decided.TrySetResult(Decide(slot, rangeId, decide));
            }
            catch (Exception e)
            {
                decided.TrySetException(e);
            }
        });
        var (queued, durable, result) = await decided.Task.ConfigureAwait(false);
        queued?.MapAhead();
        // Once decided, the outcome is awaited whatever the token says: the caller must learn
        // whether the write it was promised is durable.
        await durable.ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs under the range's gate.</summary>
    private (SqlitePendingWrite? Queued, Task Durable, LedgerResult<T> Result) Decide<T>(SqliteRangeSlot slot, string rangeId, Func<RangeChanges, LedgerDecision<T>> decide)
    {
        var generation = slot.EnterDecision();
        var sequence = slot.Sequence ??= ReadSequence(rangeId);
        var decision = decide(new RangeChanges(sequence, [], [], []));
        if (decision.Write.IsEmpty)
        {
            // The answer may rest on writes still being committed: it is given only once
            // they are durable, and fails with them.
            return (null, slot.LastWrite, new LedgerResult<T>(sequence, decision.Result));
        }
        // Rows are mapped (documents serialised) once the gate is released, not here: the
        // gate holds up every other decision on the range while it is held.
        LedgerRows.EnsureOwnedBy(rangeId, decision.Write);
        var queued = committer.Enqueue(slot, generation, sequence + 1, decision.Write);
        slot.Sequence = sequence + 1;
        slot.LastWrite = queued.Durable.Task;
        return (queued, queued.Durable.Task, new LedgerResult<T>(sequence + 1, decision.Result));
    }

    private long ReadSequence(string rangeId) => database.Run(connection =>
        connection.QuerySingleOrDefault<long?>("SELECT sequence FROM range_sequences WHERE range_id = @rangeId", new { rangeId }) ?? 0);
}
