using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>
/// Track chunks in the SQLite file. Writes go through the <see cref="SqliteGroupCommitter"/>,
/// the file's one writer, so that they never compete with booking commits for the write lock;
/// reads run on their own connections beside it (WAL). Times are UTC ticks, like the file's
/// other time columns.
/// </summary>
internal sealed class SqliteTrackStore(SqliteDatabase database, SqliteGroupCommitter committer) : ITrackStore
{
    /// <summary>
    /// Rows a retention transaction deletes at most: a ledger commit queued behind it waits for
    /// one such transaction, not for a day's worth of tracks.
    /// </summary>
    private const int DeleteBatch = 5_000;

    private const string Columns = "range_id, booking_id, vehicle_id, first_time, last_time, report_count, reports";

    public Task AppendAsync(IReadOnlyList<TrackChunk> chunks, CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            chunk.EnsureValid();
        }
        return chunks.Count == 0 ? Task.CompletedTask : committer.EnqueueBulk((connection, transaction) => Insert(connection, transaction, chunks));
    }

    public Task<IReadOnlyList<TrackChunk>> ReadAsync(
        string bookingId, string? vehicleId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (from >= to)
        {
            return Task.FromResult<IReadOnlyList<TrackChunk>>([]);
        }
        return Task.FromResult<IReadOnlyList<TrackChunk>>(database.Run(connection =>
        {
            using var command = connection.CreateCommand();
            // A chunk [first, last] overlaps [from, to) when it starts before the window ends
            // and ends at or after the window starts.
            command.CommandText = $"""
                SELECT {Columns} FROM track_chunks
                WHERE booking_id = $booking_id {(vehicleId is null ? "" : "AND vehicle_id = $vehicle_id")}
                  AND first_time < $to AND last_time >= $from
                ORDER BY first_time, vehicle_id, last_time, rowid
                LIMIT $limit
                """;
            command.Parameters.AddWithValue("$booking_id", bookingId);
            command.Parameters.AddWithValue("$vehicle_id", (object?)vehicleId ?? DBNull.Value);
            command.Parameters.AddWithValue("$from", from.UtcTicks);
            command.Parameters.AddWithValue("$to", to.UtcTicks);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var chunks = new List<TrackChunk>();
            while (reader.Read())
            {
                chunks.Add(ReadChunk(reader));
            }
            return chunks;
        }));
    }

    public Task<IReadOnlyList<TrackChunk>> ReadNewestAsync(IReadOnlyCollection<(string BookingId, string VehicleId)> vehicles, CancellationToken cancellationToken)
    {
        if (vehicles.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<TrackChunk>>([]);
        }
        return Task.FromResult<IReadOnlyList<TrackChunk>>(database.Run(connection =>
        {
            using var command = connection.CreateCommand();
            // Read backwards along track_chunks_by_vehicle: one short probe per vehicle, however long its track.
            command.CommandText = $"""
                SELECT {Columns} FROM track_chunks
                WHERE booking_id = $booking_id AND vehicle_id = $vehicle_id
                ORDER BY first_time DESC, last_time DESC, rowid DESC
                LIMIT 1
                """;
            var booking = command.Parameters.Add(new SqliteParameter { ParameterName = "$booking_id" });
            var vehicle = command.Parameters.Add(new SqliteParameter { ParameterName = "$vehicle_id" });
            var chunks = new List<TrackChunk>(vehicles.Count);
            foreach (var (bookingId, vehicleId) in vehicles)
            {
                booking.Value = bookingId;
                vehicle.Value = vehicleId;
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    chunks.Add(ReadChunk(reader));
                }
            }
            return chunks;
        }));
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            deleted = await committer.EnqueueBulk((connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    DELETE FROM track_chunks WHERE rowid IN
                        (SELECT rowid FROM track_chunks WHERE last_time < $cutoff LIMIT $batch)
                    """;
                command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
                command.Parameters.AddWithValue("$batch", DeleteBatch);
                return command.ExecuteNonQuery();
            }).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == DeleteBatch);
        return total;
    }

    /// <summary>A row of the <see cref="Columns"/>, in their order.</summary>
    private static TrackChunk ReadChunk(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
        new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
        reader.GetInt32(5),
        (byte[])reader.GetValue(6));

    /// <summary>Runs on the committer's thread, in the batch's transaction; one statement prepared for all rows.</summary>
    private static int Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<TrackChunk> chunks)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO track_chunks ({Columns}) VALUES ($range_id, $booking_id, $vehicle_id, $first_time, $last_time, $count, $reports)";
        var parameters = new[] { "$range_id", "$booking_id", "$vehicle_id", "$first_time", "$last_time", "$count", "$reports" }
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))
            .ToArray();
        foreach (var chunk in chunks)
        {
            parameters[0].Value = chunk.RangeId;
            parameters[1].Value = chunk.BookingId;
            parameters[2].Value = chunk.VehicleId;
            parameters[3].Value = chunk.FirstTime.UtcTicks;
            parameters[4].Value = chunk.LastTime.UtcTicks;
            parameters[5].Value = chunk.Count;
            // The parameter wants an array; most chunks are one already, and are not copied.
            parameters[6].Value = MemoryMarshal.TryGetArray(chunk.Reports, out var segment)
                                  && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : chunk.Reports.ToArray();
            command.ExecuteNonQuery();
        }
        return chunks.Count;
    }
}
