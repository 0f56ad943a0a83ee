using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Rows;
using SQLitePCL;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// The group committer's statements, prepared once on its connection and bound for each
/// row through SQLite's own API. At thousands of bookings a second, what Microsoft.Data.Sqlite
/// adds to every execution (a reader, a binder per parameter, the statement list walked
/// again) cost more than SQLite's own work; text is bound as UTF-16, which SQLite copies,
/// so binding allocates nothing.
/// </summary>
internal sealed class SqliteLedgerStatements : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _upsertBooking;
    private readonly sqlite3_stmt _deleteVehicles;
    private readonly sqlite3_stmt _insertVehicle;
    private readonly sqlite3_stmt _upsertClosure;
    private readonly sqlite3_stmt _deleteClosure;
    private readonly sqlite3_stmt _upsertIdempotency;
    private readonly sqlite3_stmt _setSequence;

    public SqliteLedgerStatements(SqliteConnection connection)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        // Parameters are numbered (?1, ?2, …) and bound by number below.
        _upsertBooking = Prepare("""
            INSERT INTO bookings (id, range_id, organization_id, state, first_start, last_end, version, document)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT (id) DO UPDATE SET range_id = excluded.range_id, organization_id = excluded.organization_id,
                state = excluded.state, first_start = excluded.first_start, last_end = excluded.last_end,
                version = excluded.version, document = excluded.document
            """);
        _deleteVehicles = Prepare("DELETE FROM booking_vehicles WHERE booking_id = ?1");
        _insertVehicle = Prepare("INSERT INTO booking_vehicles (booking_id, vehicle_id) VALUES (?1, ?2)");
        _upsertClosure = Prepare("""
            INSERT INTO closures (id, range_id, window_start, window_end, document) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (id) DO UPDATE SET range_id = excluded.range_id, window_start = excluded.window_start,
                window_end = excluded.window_end, document = excluded.document
            """);
        _deleteClosure = Prepare("DELETE FROM closures WHERE id = ?1 AND range_id = ?2");
        // A key is written only after FindIdempotencyAsync found none in force, so a row
        // still here is past its retention and not yet pruned: the new call replaces it.
        _upsertIdempotency = Prepare("""
            INSERT INTO idempotency_keys (organization_id, key, request_hash, booking_id, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (organization_id, key) DO UPDATE SET request_hash = excluded.request_hash,
                booking_id = excluded.booking_id, created_at = excluded.created_at
            """);
        _setSequence = Prepare("""
            INSERT INTO range_sequences (range_id, sequence) VALUES (?1, ?2)
            ON CONFLICT (range_id) DO UPDATE SET sequence = excluded.sequence
            """);
    }

    /// <summary>Writes every row of one decision, inside the transaction open on the connection.</summary>
    /// <exception cref="SqliteException">SQLite refused a row.</exception>
    public void Write(LedgerRows rows)
    {
        foreach (var booking in rows.Bookings)
        {
            Text(_upsertBooking, 1, booking.Id);
            Text(_upsertBooking, 2, booking.RangeId);
            Text(_upsertBooking, 3, booking.OrganizationId);
            Integer(_upsertBooking, 4, booking.State);
            Integer(_upsertBooking, 5, booking.FirstStart.UtcTicks);
            Integer(_upsertBooking, 6, booking.LastEnd.UtcTicks);
            Integer(_upsertBooking, 7, booking.Version);
            Text(_upsertBooking, 8, booking.Document);
            Run(_upsertBooking);
            Text(_deleteVehicles, 1, booking.Id);
            Run(_deleteVehicles);
            foreach (var vehicleId in booking.VehicleIds)
            {
                Text(_insertVehicle, 1, booking.Id);
                Text(_insertVehicle, 2, vehicleId);
                Run(_insertVehicle);
            }
        }
        foreach (var closure in rows.AddedClosures)
        {
            Text(_upsertClosure, 1, closure.Id);
            Text(_upsertClosure, 2, closure.RangeId);
            Integer(_upsertClosure, 3, closure.Start.UtcTicks);
            Integer(_upsertClosure, 4, closure.End.UtcTicks);
            Text(_upsertClosure, 5, closure.Document);
            Run(_upsertClosure);
        }
        foreach (var closureId in rows.RemovedClosureIds)
        {
            Text(_deleteClosure, 1, closureId);
            Text(_deleteClosure, 2, rows.RangeId);
            Run(_deleteClosure);
        }
        foreach (var record in rows.IdempotencyRecords)
        {
            Text(_upsertIdempotency, 1, record.OrganizationId);
            Text(_upsertIdempotency, 2, record.Key);
            Text(_upsertIdempotency, 3, record.RequestHash);
            Text(_upsertIdempotency, 4, record.BookingId);
            Integer(_upsertIdempotency, 5, record.CreatedAt.UtcTicks);
            Run(_upsertIdempotency);
        }
    }

    /// <exception cref="SqliteException">SQLite refused the row.</exception>
    public void SetSequence(string rangeId, long sequence)
    {
        Text(_setSequence, 1, rangeId);
        Integer(_setSequence, 2, sequence);
        Run(_setSequence);
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _upsertBooking, _deleteVehicles, _insertVehicle, _upsertClosure, _deleteClosure, _upsertIdempotency, _setSequence })
        {
            statement.Dispose();
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_database, sql, out var statement), _database);
        return statement;
    }

    private void Text(sqlite3_stmt statement, int index, string value) =>
        SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text16(statement, index, value.AsSpan()), _database);

    private void Integer(sqlite3_stmt statement, int index, long value) =>
        SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, index, value), _database);

    /// <summary>Steps the statement to its end and resets it for the next row, keeping SQLite's message when it fails.</summary>
    private void Run(sqlite3_stmt statement)
    {
        try
        {
            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
                throw new SqliteException($"A write statement returned rows (SQLite result {result}).", result);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }
}
