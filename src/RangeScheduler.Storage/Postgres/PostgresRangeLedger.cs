using System.Collections.Concurrent;
using Dapper;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// Decisions of a range are taken in transactions that hold its advisory lock (DESIGN.md,
/// "Serialisation"): take the lock, read what other instances changed since the caller's
/// sequence, decide, write with the next sequence, commit. Callers in this process queue
/// per range in memory; the queue's drainer takes every decision waiting (up to
/// <see cref="MaxBatch"/>) into one transaction, decided one after another, so that a
/// contended range pays one lock and one commit for many decisions. Each caller is
/// answered when the transaction holding its write has committed.
/// </summary>
internal sealed class PostgresRangeLedger(PostgresDatabase database) : IRangeLedger
{
    private const int MaxBatch = 256;

    private readonly ConcurrentDictionary<string, RangeQueue> _queues = new(StringComparer.Ordinal);

    /// <remarks>
    /// The token can stop the wait for the range; once the decision has run, the write and
    /// commit go on regardless, so that the caller learns their outcome. Should the
    /// connection break during COMMIT, the server may or may not have committed; the caller
    /// rebuilds its state from the store (LoadRangeStateAsync) either way and so learns which.
    /// </remarks>
    public Task<LedgerResult<T>> DecideAsync<T>(
        string rangeId, long knownSequence, Func<RangeChanges, LedgerDecision<T>> decide, CancellationToken cancellationToken)
    {
        var pending = new PendingDecision<T>(knownSequence, decide, cancellationToken);
        _queues.GetOrAdd(rangeId, id => new RangeQueue(id, this)).Submit(pending);
        return pending.Answer;
    }

    /// <summary>One transaction for a batch of decisions of one range.</summary>
    private async Task RunAsync(string rangeId, IReadOnlyList<PendingDecision> batch)
    {
        var decided = new List<(PendingDecision Decision, long Sequence)>(batch.Count);
        try
        {
            await database.RunAsync(async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey.ForRange(rangeId) }, transaction));
                var sequence = await PostgresRangeChanges.ReadSequenceAsync(connection, transaction, rangeId, CancellationToken.None);
                var caughtUp = false;
                foreach (var pending in batch)
                {
                    if (pending.IsCancelled)
                    {
                        pending.Cancel();
                        continue;
                    }
                    // The first decision brings the caller's state up to date with other
                    // instances; the rest of the batch follows on that same state.
                    var changes = caughtUp
                        ? new RangeChanges(sequence, [], [], [])
                        : await PostgresRangeChanges.ReadAsync(connection, transaction, rangeId, pending.KnownSequence, sequence, CancellationToken.None);
                    caughtUp = true;
                    var write = pending.Decide(changes);
                    if (write is null || !OwnedBy(rangeId, write, pending))
                    {
                        continue;
                    }
                    if (!write.IsEmpty)
                    {
                        sequence++;
                        await using var statements = PostgresLedgerWriter.Build(connection, transaction, LedgerRows.From(rangeId, write), sequence);
                        await statements.ExecuteNonQueryAsync(CancellationToken.None);
                    }
                    decided.Add((pending, sequence));
                }
                await transaction.CommitAsync(CancellationToken.None);
                return true;
            }, CancellationToken.None);
            foreach (var (pending, sequence) in decided)
            {
                pending.Committed(sequence);
            }
        }
        catch (Exception e)
        {
            var error = e as StoreUnavailableException ?? new StoreUnavailableException($"Deciding on range \"{rangeId}\" failed: {e.Message}", e);
            foreach (var pending in batch)
            {
                pending.Fail(error);
            }
        }
    }

    /// <summary>A write naming another range fails its own caller only; the rest of the batch goes on.</summary>
    private static bool OwnedBy(string rangeId, LedgerWrite write, PendingDecision pending)
    {
        try
        {
            LedgerRows.EnsureOwnedBy(rangeId, write);
            return true;
        }
        catch (ArgumentException e)
        {
            pending.Fail(e);
            return false;
        }
    }

    /// <summary>The decisions waiting for one range, drained by at most one transaction at a time.</summary>
    private sealed class RangeQueue(string rangeId, PostgresRangeLedger ledger)
    {
        private readonly ConcurrentQueue<PendingDecision> _waiting = new();
        private int _draining;

        public void Submit(PendingDecision decision)
        {
            _waiting.Enqueue(decision);
            if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
            {
                _ = Task.Run(DrainAsync);
            }
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                var batch = new List<PendingDecision>();
                while (batch.Count < MaxBatch && _waiting.TryDequeue(out var decision))
                {
                    batch.Add(decision);
                }
                if (batch.Count > 0)
                {
                    await ledger.RunAsync(rangeId, batch).ConfigureAwait(false);
                    continue;
                }
                Volatile.Write(ref _draining, 0);
                // A decision queued after the queue was seen empty, by a caller that found
                // this drainer still running, is taken here rather than left waiting.
                if (_waiting.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                {
                    return;
                }
            }
        }
    }
}
