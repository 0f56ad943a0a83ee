using System.Data;
using Dapper;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Postgres;

/// <summary>Reads bookings, closures and idempotency keys from PostgreSQL.</summary>
internal sealed class PostgresBookingStore(PostgresDatabase database) : IBookingStore
{
    private static readonly BookingListDialect Dialect = new(PostgresDatabase.BindTime, ArrayParameters: true);

    public Task<Booking?> GetAsync(string bookingId, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var document = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT document::text FROM bookings WHERE id = @bookingId", new { bookingId }, cancellationToken: cancellationToken));
            return document is null ? null : RowMapper.ToBooking(document);
        }, cancellationToken);

    public Task<IReadOnlyList<Booking>> ListAsync(BookingQuery query, CancellationToken cancellationToken)
    {
        var (sql, parameters) = BookingListSql.Build(query, Dialect);
        return database.RunAsync<IReadOnlyList<Booking>>(async connection =>
            (await connection.QueryAsync<string>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))
            .Select(RowMapper.ToBooking).ToList(), cancellationToken);
    }

    public Task<Closure?> GetClosureAsync(string closureId, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var document = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT document::text FROM closures WHERE id = @closureId", new { closureId }, cancellationToken: cancellationToken));
            return document is null ? null : RowMapper.ToClosure(document);
        }, cancellationToken);

    public Task<IReadOnlyList<Closure>> ListClosuresAsync(string rangeId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Closure>>(async connection =>
            (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT document::text FROM closures WHERE range_id = @rangeId ORDER BY lower(time_window), id",
                new { rangeId }, cancellationToken: cancellationToken)))
            .Select(RowMapper.ToClosure).ToList(), cancellationToken);

    public Task<RangeState> LoadRangeStateAsync(string rangeId, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            // One snapshot for the three reads: a decision committing meanwhile is either
            // wholly in the state, sequence included, or wholly out of it.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await using var reads = await connection.QueryMultipleAsync(new CommandDefinition(
                """
                SELECT coalesce((SELECT sequence FROM range_sequences WHERE range_id = @rangeId), 0);
                SELECT document::text FROM bookings WHERE range_id = @rangeId AND state = ANY(@states) ORDER BY first_start, id;
                SELECT document::text FROM closures WHERE range_id = @rangeId ORDER BY lower(time_window), id;
                """,
                new { rangeId, states = RowMapper.SpaceHoldingStates.Select(s => (short)s).ToArray() },
                transaction, cancellationToken: cancellationToken));
            var sequence = await reads.ReadSingleAsync<long>();
            var bookings = (await reads.ReadAsync<string>()).Select(RowMapper.ToBooking).ToList();
            var closures = (await reads.ReadAsync<string>()).Select(RowMapper.ToClosure).ToList();
            await transaction.CommitAsync(cancellationToken);
            return new RangeState(sequence, bookings, closures);
        }, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(
        string organizationId, string key, DateTimeOffset now, TimeSpan maxAge, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var found = await connection.QuerySingleOrDefaultAsync<(string RequestHash, string BookingId, DateTime CreatedAt)>(new CommandDefinition(
                """
                SELECT request_hash, booking_id, created_at FROM idempotency_keys
                WHERE organization_id = @organizationId AND key = @key AND created_at >= @notBefore
                """,
                new { organizationId, key, notBefore = PostgresDatabase.BindTime(now - maxAge) }, cancellationToken: cancellationToken));
            return found.RequestHash is null
                ? null
                : new IdempotencyRecord(organizationId, key, found.RequestHash, found.BookingId, new DateTimeOffset(found.CreatedAt, TimeSpan.Zero));
        }, cancellationToken);

    public Task<int> PruneIdempotencyAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        database.RunAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE created_at < @createdBefore",
            new { createdBefore = PostgresDatabase.BindTime(createdBefore) }, cancellationToken: cancellationToken)), cancellationToken);
}
