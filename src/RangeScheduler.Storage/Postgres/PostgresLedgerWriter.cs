using Npgsql;
using RangeScheduler.Storage.Rows;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// One decision's rows as a single <see cref="NpgsqlBatch"/>: one round trip to the server
/// for all of them, inside the transaction that holds the range's advisory lock. Every row
/// carries the range sequence of this write, which is how other instances find it.
/// </summary>
internal static class PostgresLedgerWriter
{
    public static NpgsqlBatch Build(NpgsqlConnection connection, NpgsqlTransaction transaction, LedgerRows rows, long sequence)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var booking in rows.Bookings)
        {
            Add(batch, """
                INSERT INTO bookings (id, range_id, organization_id, state, first_start, last_end, version, change_seq, document)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::json)
                ON CONFLICT (id) DO UPDATE SET range_id = excluded.range_id, organization_id = excluded.organization_id,
                    state = excluded.state, first_start = excluded.first_start, last_end = excluded.last_end,
                    version = excluded.version, change_seq = excluded.change_seq, document = excluded.document
                """, booking.Id, booking.RangeId, booking.OrganizationId, (short)booking.State,
                PostgresDatabase.BindTime(booking.FirstStart), PostgresDatabase.BindTime(booking.LastEnd), booking.Version, sequence, booking.Document);
            Add(batch, "DELETE FROM booking_vehicles WHERE booking_id = $1", booking.Id);
            Add(batch, "INSERT INTO booking_vehicles (booking_id, vehicle_id) SELECT $1, unnest($2::text[])", booking.Id, booking.VehicleIds.ToArray());
            Add(batch, "DELETE FROM booking_volumes WHERE booking_id = $1", booking.Id);
            for (var i = 0; i < booking.Volumes.Count; i++)
            {
                var volume = booking.Volumes[i];
                Add(batch, """
                    INSERT INTO booking_volumes (booking_id, idx, footprint, lower_m, upper_m, time_window)
                    VALUES ($1, $2, ST_GeomFromEWKB($3), $4, $5, tstzrange($6, $7, '[)'))
                    """, booking.Id, i, FootprintGeometry.ToEwkb(volume.Footprint), volume.Vertical.LowerMeters, volume.Vertical.UpperMeters,
                    PostgresDatabase.BindTime(volume.Window.Start), PostgresDatabase.BindTime(volume.Window.End));
            }
        }
        foreach (var closure in rows.AddedClosures)
        {
            Add(batch, """
                INSERT INTO closures (id, range_id, time_window, change_seq, document) VALUES ($1, $2, tstzrange($3, $4, '[)'), $5, $6::json)
                ON CONFLICT (id) DO UPDATE SET range_id = excluded.range_id, time_window = excluded.time_window,
                    change_seq = excluded.change_seq, document = excluded.document
                """, closure.Id, closure.RangeId, PostgresDatabase.BindTime(closure.Start), PostgresDatabase.BindTime(closure.End), sequence, closure.Document);
            Add(batch, "DELETE FROM closure_tombstones WHERE closure_id = $1", closure.Id);
        }
        foreach (var closureId in rows.RemovedClosureIds)
        {
            Add(batch, "DELETE FROM closures WHERE id = $1 AND range_id = $2", closureId, rows.RangeId);
            Add(batch, """
                INSERT INTO closure_tombstones (closure_id, range_id, change_seq) VALUES ($1, $2, $3)
                ON CONFLICT (closure_id) DO UPDATE SET range_id = excluded.range_id, change_seq = excluded.change_seq
                """, closureId, rows.RangeId, sequence);
        }
        foreach (var record in rows.IdempotencyRecords)
        {
            // Written only after FindIdempotencyAsync found no key in force: a row still here
            // is past its retention and not yet pruned, and the new call replaces it.
            Add(batch, """
                INSERT INTO idempotency_keys (organization_id, key, request_hash, booking_id, created_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (organization_id, key) DO UPDATE SET request_hash = excluded.request_hash,
                    booking_id = excluded.booking_id, created_at = excluded.created_at
                """, record.OrganizationId, record.Key, record.RequestHash, record.BookingId, PostgresDatabase.BindTime(record.CreatedAt));
        }
        Add(batch, """
            INSERT INTO range_sequences (range_id, sequence) VALUES ($1, $2)
            ON CONFLICT (range_id) DO UPDATE SET sequence = excluded.sequence
            """, rows.RangeId, sequence);
        return batch;
    }

    private static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }
        batch.BatchCommands.Add(command);
    }
}
