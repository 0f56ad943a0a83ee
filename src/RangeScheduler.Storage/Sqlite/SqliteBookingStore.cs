using Dapper;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// Reads bookings, closures and idempotency keys from the SQLite file. Times are bound as
/// UTC ticks, the unit of the file's time columns.
/// </summary>
internal sealed class SqliteBookingStore(SqliteDatabase database, SqliteRangeSlots slots) : IBookingStore
{
    private static readonly BookingListDialect Dialect = new(static time => time.UtcTicks, ArrayParameters: false);

    public Task<Booking?> GetAsync(string bookingId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Run(connection =>
        {
            var document = connection.QuerySingleOrDefault<string>("SELECT document FROM bookings WHERE id = @bookingId", new { bookingId });
            return document is null ? null : RowMapper.ToBooking(document);
        }));

    public Task<IReadOnlyList<Booking>> ListAsync(BookingQuery query, CancellationToken cancellationToken)
    {
        var (sql, parameters) = BookingListSql.Build(query, Dialect);
        return Task.FromResult<IReadOnlyList<Booking>>(database.Run(connection =>
            connection.Query<string>(sql, parameters).Select(RowMapper.ToBooking).ToList()));
    }

    public Task<Closure?> GetClosureAsync(string closureId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Run(connection =>
        {
            var document = connection.QuerySingleOrDefault<string>("SELECT document FROM closures WHERE id = @closureId", new { closureId });
            return document is null ? null : RowMapper.ToClosure(document);
        }));

    public Task<IReadOnlyList<Closure>> ListClosuresAsync(string rangeId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Closure>>(database.Run(connection =>
            connection.Query<string>("SELECT document FROM closures WHERE range_id = @rangeId ORDER BY window_start, id", new { rangeId })
                .Select(RowMapper.ToClosure).ToList()));

    /// <remarks>
    /// Waits for the range's writes already decided to be committed, and makes the range
    /// usable again for the ledger after a failed write (<see cref="SqliteRangeSlots.ReloadAsync"/>).
    /// </remarks>
    public Task<RangeState> LoadRangeStateAsync(string rangeId, CancellationToken cancellationToken) =>
        slots.ReloadAsync(rangeId, () => database.Run(connection =>
        {
            // One read transaction: the sequence, bookings and closures come from one snapshot.
            using var transaction = connection.BeginTransaction(deferred: true);
            var sequence = connection.QuerySingleOrDefault<long?>(
                "SELECT sequence FROM range_sequences WHERE range_id = @rangeId", new { rangeId }, transaction) ?? 0;
            var bookings = connection.Query<string>(
                "SELECT document FROM bookings WHERE range_id = @rangeId AND state IN @States ORDER BY first_start, id",
                new { rangeId, States = RowMapper.SpaceHoldingStates }, transaction).Select(RowMapper.ToBooking).ToList();
            var closures = connection.Query<string>(
                "SELECT document FROM closures WHERE range_id = @rangeId ORDER BY window_start, id",
                new { rangeId }, transaction).Select(RowMapper.ToClosure).ToList();
            return new RangeState(sequence, bookings, closures);
        }), cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(
        string organizationId, string key, DateTimeOffset now, TimeSpan maxAge, CancellationToken cancellationToken) =>
        Task.FromResult(database.Run(connection =>
        {
            var found = connection.QuerySingleOrDefault<(string RequestHash, string BookingId, long CreatedAt)>(
                """
                SELECT request_hash, booking_id, created_at FROM idempotency_keys
                WHERE organization_id = @organizationId AND key = @key AND created_at >= @notBefore
                """,
                new { organizationId, key, notBefore = (now - maxAge).UtcTicks });
            return found.RequestHash is null
                ? null
                : new IdempotencyRecord(organizationId, key, found.RequestHash, found.BookingId, new DateTimeOffset(found.CreatedAt, TimeSpan.Zero));
        }));

    public Task<int> PruneIdempotencyAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        Task.FromResult(database.Run(connection =>
            connection.Execute("DELETE FROM idempotency_keys WHERE created_at < @createdBefore", new { createdBefore = createdBefore.UtcTicks })));
}
