using Dapper;
using Npgsql;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// What other instances wrote to a range since a sequence, read inside the deciding
/// transaction once the range's advisory lock is held, so nothing can be written meanwhile.
/// </summary>
internal static class PostgresRangeChanges
{
    /// <summary>The range's current sequence: the number of writes made to it so far, 0 for none.</summary>
    public static Task<long> ReadSequenceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string rangeId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce((SELECT sequence FROM range_sequences WHERE range_id = @rangeId), 0)",
            new { rangeId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Bookings (as they now are, any state) and closures changed by writes after
    /// <paramref name="knownSequence"/>; empty when the caller is up to date.
    /// </summary>
    public static async Task<RangeChanges> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string rangeId, long knownSequence, long sequence, CancellationToken cancellationToken)
    {
        if (knownSequence >= sequence)
        {
            return new RangeChanges(sequence, [], [], []);
        }
        await using var reads = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT document::text FROM bookings WHERE range_id = @rangeId AND change_seq > @knownSequence ORDER BY id;
            SELECT document::text FROM closures WHERE range_id = @rangeId AND change_seq > @knownSequence ORDER BY id;
            SELECT closure_id FROM closure_tombstones WHERE range_id = @rangeId AND change_seq > @knownSequence ORDER BY closure_id;
            """,
            new { rangeId, knownSequence }, transaction, cancellationToken: cancellationToken));
        var bookings = (await reads.ReadAsync<string>()).Select(RowMapper.ToBooking).ToList();
        var added = (await reads.ReadAsync<string>()).Select(RowMapper.ToClosure).ToList();
        var removed = (await reads.ReadAsync<string>()).ToList();
        return new RangeChanges(sequence, bookings, added, removed);
    }
}
