using System.Diagnostics;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Benchmarks.Conflicts;

/// <summary>
/// The same conflict query done the way a user would do it without us: the bookings in a
/// PostGIS table (footprints in the range's metric plane, so distances are metres) with a
/// GiST index on (window, footprint), and one prepared query per request — windows widened
/// by the time buffer overlapping (<c>tstzrange &amp;&amp;</c>), footprints within the horizontal
/// separation (<c>ST_DWithin</c>), bands closer than the vertical one.
/// </summary>
internal sealed class PostgisBaseline(string connectionString)
{
    private const string Query =
        "SELECT id FROM bookings WHERE tstzrange(start_at, end_at) && tstzrange($1, $2) " +
        "AND ST_DWithin(footprint, ST_GeomFromWKB($3), $4) AND lower_m < $5 AND upper_m > $6";

    /// <summary>Loads the bookings into a fresh table and builds its index; returns how long that took.</summary>
    public async Task<TimeSpan> LoadAsync(RangePlane plane, IReadOnlyList<Booking> bookings)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await OpenAsync();
        await Execute(connection, "DROP TABLE IF EXISTS bookings; " +
            "CREATE TABLE bookings (id text, footprint geometry, lower_m float8, upper_m float8, start_at timestamptz, end_at timestamptz)");
        var wkb = new WKBWriter();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY bookings (id, footprint, lower_m, upper_m, start_at, end_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var booking in bookings)
            {
                var volume = booking.Volumes[0];
                await copy.StartRowAsync();
                await copy.WriteAsync(booking.Id, NpgsqlDbType.Text);
                // Binary COPY hands the bytes to geometry's receive function, which reads (E)WKB.
                await copy.WriteAsync(wkb.Write(plane.Project(volume.Footprint).Geometry), NpgsqlDbType.Bytea);
                await copy.WriteAsync(volume.Vertical.LowerMeters, NpgsqlDbType.Double);
                await copy.WriteAsync(volume.Vertical.UpperMeters, NpgsqlDbType.Double);
                await copy.WriteAsync(volume.Window.Start.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(volume.Window.End.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await Execute(connection, "CREATE INDEX ON bookings USING gist (tstzrange(start_at, end_at), footprint); ANALYZE bookings");
        return stopwatch.Elapsed;
    }

    /// <summary>Latencies in milliseconds of the query for each request, and the rows found in all.</summary>
    public async Task<(double[] Latencies, long Found)> MeasureAsync(RangePlane plane, IReadOnlyList<BookingRequest> requests, int warmUp)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double });
        await command.PrepareAsync();
        var separation = new { Horizontal = 300.0, Vertical = 30.0, Buffer = TimeSpan.FromMinutes(5) };
        var wkb = new WKBWriter();
        var latencies = new List<double>(requests.Count);
        long found = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var volume = requests[i].Volumes[0];
            // Projecting the request is part of the query's cost, as it is of our check's.
            var started = Stopwatch.GetTimestamp();
            command.Parameters[0].Value = (volume.Window.Start - separation.Buffer).UtcDateTime;
            command.Parameters[1].Value = (volume.Window.End + separation.Buffer).UtcDateTime;
            command.Parameters[2].Value = wkb.Write(plane.Project(volume.Footprint).Geometry);
            command.Parameters[3].Value = separation.Horizontal;
            command.Parameters[4].Value = volume.Vertical.UpperMeters + separation.Vertical;
            command.Parameters[5].Value = volume.Vertical.LowerMeters - separation.Vertical;
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= warmUp)
            {
                latencies.Add(elapsed);
                found += rows;
            }
        }
        return (latencies.ToArray(), found);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
