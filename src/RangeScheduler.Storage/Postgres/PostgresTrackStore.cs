using Npgsql;
using NpgsqlTypes;
using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Storage.Postgres;

/// <summary>
/// Track chunks in PostgreSQL. A batch is appended with one binary COPY, which is a single
/// statement and so all or nothing, and sends the blobs without escaping them.
/// </summary>
internal sealed class PostgresTrackStore(PostgresDatabase database) : ITrackStore
{
    private const string Columns = "range_id, booking_id, vehicle_id, first_time, last_time, report_count, reports";

    public Task AppendAsync(IReadOnlyList<TrackChunk> chunks, CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            chunk.EnsureValid();
        }
        return chunks.Count == 0 ? Task.CompletedTask : database.RunAsync(async connection =>
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY track_chunks ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var chunk in chunks)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(chunk.RangeId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(chunk.BookingId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(chunk.VehicleId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(chunk.FirstTime.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(chunk.LastTime.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(chunk.Count, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(chunk.Reports, NpgsqlDbType.Bytea, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TrackChunk>> ReadAsync(
        string bookingId, string? vehicleId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (from >= to)
        {
            return Task.FromResult<IReadOnlyList<TrackChunk>>([]);
        }
        return database.RunAsync<IReadOnlyList<TrackChunk>>(async connection =>
        {
            // Two texts rather than "@vehicle_id IS NULL OR …", so that each has a plan on its own index.
            await using var command = new NpgsqlCommand($"""
                SELECT {Columns} FROM track_chunks
                WHERE booking_id = @booking_id {(vehicleId is null ? "" : "AND vehicle_id = @vehicle_id")}
                  AND first_time < @to AND last_time >= @from
                ORDER BY first_time, vehicle_id, last_time, id
                LIMIT @limit
                """, connection);
            command.Parameters.AddWithValue("booking_id", bookingId);
            if (vehicleId is not null)
            {
                command.Parameters.AddWithValue("vehicle_id", vehicleId);
            }
            command.Parameters.AddWithValue("from", PostgresDatabase.BindTime(from));
            command.Parameters.AddWithValue("to", PostgresDatabase.BindTime(to));
            command.Parameters.AddWithValue("limit", limit);
            return await ReadChunksAsync(command, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TrackChunk>> ReadNewestAsync(IReadOnlyCollection<(string BookingId, string VehicleId)> vehicles, CancellationToken cancellationToken)
    {
        if (vehicles.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<TrackChunk>>([]);
        }
        return database.RunAsync<IReadOnlyList<TrackChunk>>(async connection =>
        {
            // One round trip, and one probe of track_chunks_by_vehicle from its end per vehicle.
            // The ids are compared in the columns' collation, so that the index serves.
            await using var command = new NpgsqlCommand($"""
                SELECT newest.* FROM unnest(@booking_ids::text[], @vehicle_ids::text[]) AS wanted (booking_id, vehicle_id)
                CROSS JOIN LATERAL (
                    SELECT {Columns} FROM track_chunks
                    WHERE track_chunks.booking_id = wanted.booking_id COLLATE "C"
                      AND track_chunks.vehicle_id = wanted.vehicle_id COLLATE "C"
                    ORDER BY first_time DESC, last_time DESC, id DESC
                    LIMIT 1) AS newest
                """, connection);
            command.Parameters.AddWithValue("booking_ids", vehicles.Select(v => v.BookingId).ToArray());
            command.Parameters.AddWithValue("vehicle_ids", vehicles.Select(v => v.VehicleId).ToArray());
            return await ReadChunksAsync(command, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The rows of a query of the <see cref="Columns"/>, in their order.</summary>
    private static async Task<IReadOnlyList<TrackChunk>> ReadChunksAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var chunks = new List<TrackChunk>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(new TrackChunk(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetInt32(5),
                reader.GetFieldValue<byte[]>(6)));
        }
        return chunks;
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM track_chunks WHERE last_time < @cutoff", connection);
            command.Parameters.AddWithValue("cutoff", PostgresDatabase.BindTime(cutoff));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
