using Dapper;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// Each decision is one transaction (DESIGN.md, "Serialisation"): take the range's advisory
/// lock, read what other instances changed since the caller's sequence, decide, write with
/// the next sequence, commit. Callers in this process first queue on the range's in-memory
/// gate, so at most one connection per range and process waits on the lock.
/// </summary>
internal sealed class PostgresRangeLedger(PostgresDatabase database, RangeGates gates) : IRangeLedger
{
    /// <remarks>
    /// The token can stop the wait for the range; once <paramref name="decide"/> has run, the
    /// write and commit go on regardless, so that the caller learns their outcome. Should the
    /// connection break during COMMIT, the server may or may not have committed; the caller
    /// rebuilds its state from the store (LoadRangeStateAsync) either way and so learns which.
    /// </remarks>
    public async Task<LedgerResult<T>> DecideAsync<T>(
        string rangeId, long knownSequence, Func<RangeChanges, LedgerDecision<T>> decide, CancellationToken cancellationToken)
    {
        using var held = await gates.EnterAsync(rangeId, cancellationToken);
        return await database.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey.ForRange(rangeId) }, transaction, cancellationToken: cancellationToken));
            var sequence = await PostgresRangeChanges.ReadSequenceAsync(connection, transaction, rangeId, cancellationToken);
            var changes = await PostgresRangeChanges.ReadAsync(connection, transaction, rangeId, knownSequence, sequence, cancellationToken);
            var decision = decide(changes);
            if (decision.Write.IsEmpty)
            {
                await transaction.CommitAsync(CancellationToken.None);
                return new LedgerResult<T>(sequence, decision.Result);
            }
            var rows = LedgerRows.From(rangeId, decision.Write);
            await using (var batch = PostgresLedgerWriter.Build(connection, transaction, rows, sequence + 1))
            {
                await batch.ExecuteNonQueryAsync(CancellationToken.None);
            }
            await transaction.CommitAsync(CancellationToken.None);
            return new LedgerResult<T>(sequence + 1, decision.Result);
        }, cancellationToken);
    }
}
