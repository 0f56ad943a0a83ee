using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// The group committer's statements, prepared once on its connection and bound for each
/// row: at thousands of bookings a second, parsing the SQL again for every row would cost
/// more than executing it.
/// </summary>
internal sealed class SqliteLedgerStatements : IDisposable
{
    private readonly SqliteCommand _upsertBooking;
    private readonly SqliteCommand _deleteVehicles;
    private readonly SqliteCommand _insertVehicle;
    private readonly SqliteCommand _upsertClosure;
    private readonly SqliteCommand _deleteClosure;
    private readonly SqliteCommand _upsertIdempotency;
    private readonly SqliteCommand _setSequence;

    public SqliteLedgerStatements(SqliteConnection connection)
    {
        _upsertBooking = Prepare(connection, """
            INSERT INTO bookings (id, range_id, organization_id, state, first_start, last_end, version, document)
            VALUES ($id, $range_id, $organization_id, $state, $first_start, $last_end, $version, $document)
            ON CONFLICT (id) DO UPDATE SET range_id = excluded.range_id, organization_id = excluded.organization_id,
                state = excluded.state, first_start = excluded.first_start, last_end = excluded.last_end,
                version = excluded.version, document = excluded.document
            """, "$id", "$range_id", "$organization_id", "$state", "$first_start", "$last_end", "$version", "$document");
        _deleteVehicles = Prepare(connection, "DELETE FROM booking_vehicles WHERE booking_id = $id", "$id");
        _insertVehicle = Prepare(connection, "INSERT INTO booking_vehicles (booking_id, vehicle_id) VALUES ($id, $vehicle_id)", "$id", "$vehicle_id");
        _upsertClosure = Prepare(connection, """
            INSERT INTO closures (id, range_id, window_start, window_end, document) VALUES ($id, $range_id, $start, $end, $document)
            ON CONFLICT (id) DO UPDATE SET range_id = excluded.range_id, window_start = excluded.window_start,
                window_end = excluded.window_end, document = excluded.document
            """, "$id", "$range_id", "$start", "$end", "$document");
        _deleteClosure = Prepare(connection, "DELETE FROM closures WHERE id = $id AND range_id = $range_id", "$id", "$range_id");
        // A key is written only after FindIdempotencyAsync found none in force, so a row
        // still here is past its retention and not yet pruned: the new call replaces it.
        _upsertIdempotency = Prepare(connection, """
            INSERT INTO idempotency_keys (organization_id, key, request_hash, booking_id, created_at)
            VALUES ($organization_id, $key, $request_hash, $booking_id, $created_at)
            ON CONFLICT (organization_id, key) DO UPDATE SET request_hash = excluded.request_hash,
                booking_id = excluded.booking_id, created_at = excluded.created_at
            """, "$organization_id", "$key", "$request_hash", "$booking_id", "$created_at");
        _setSequence = Prepare(connection, """
            INSERT INTO range_sequences (range_id, sequence) VALUES ($range_id, $sequence)
            ON CONFLICT (range_id) DO UPDATE SET sequence = excluded.sequence
            """, "$range_id", "$sequence");
    }

    /// <summary>Writes every row of one decision inside <paramref name="transaction"/>.</summary>
    public void Write(LedgerRows rows, SqliteTransaction transaction)
    {
        foreach (var booking in rows.Bookings)
        {
            Run(_upsertBooking, transaction, booking.Id, booking.RangeId, booking.OrganizationId, booking.State,
                booking.FirstStart.UtcTicks, booking.LastEnd.UtcTicks, booking.Version, booking.Document);
            Run(_deleteVehicles, transaction, booking.Id);
            foreach (var vehicleId in booking.VehicleIds)
            {
                Run(_insertVehicle, transaction, booking.Id, vehicleId);
            }
        }
        foreach (var closure in rows.AddedClosures)
        {
            Run(_upsertClosure, transaction, closure.Id, closure.RangeId, closure.Start.UtcTicks, closure.End.UtcTicks, closure.Document);
        }
        foreach (var closureId in rows.RemovedClosureIds)
        {
            Run(_deleteClosure, transaction, closureId, rows.RangeId);
        }
        foreach (var record in rows.IdempotencyRecords)
        {
            Run(_upsertIdempotency, transaction, record.OrganizationId, record.Key, record.RequestHash, record.BookingId, record.CreatedAt.UtcTicks);
        }
    }

    public void SetSequence(string rangeId, long sequence, SqliteTransaction transaction) =>
        Run(_setSequence, transaction, rangeId, sequence);

    public void Dispose()
    {
        foreach (var command in new[] { _upsertBooking, _deleteVehicles, _insertVehicle, _upsertClosure, _deleteClosure, _upsertIdempotency, _setSequence })
        {
            command.Dispose();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        command.ExecuteNonQuery();
    }
}
