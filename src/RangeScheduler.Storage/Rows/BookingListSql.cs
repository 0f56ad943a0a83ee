using Dapper;

namespace RangeScheduler.Storage.Rows;

/// <summary>
/// The ListBookings query, the same for both stores: their <c>bookings</c> and
/// <c>booking_vehicles</c> tables have the same columns. What differs is in
/// <see cref="BookingListDialect"/>.
/// </summary>
internal static class BookingListSql
{
    public static (string Sql, DynamicParameters Parameters) Build(BookingQuery query, BookingListDialect dialect)
    {
        var bindTime = dialect.BindTime;
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        if (query.RangeIds is { Count: > 0 })
        {
            conditions.Add(dialect.AnyOf("range_id", "@RangeIds"));
            parameters.Add("RangeIds", query.RangeIds.ToArray());
        }
        if (!string.IsNullOrEmpty(query.OrganizationId))
        {
            conditions.Add("organization_id = @OrganizationId");
            parameters.Add("OrganizationId", query.OrganizationId);
        }
        if (query.Window is { } window)
        {
            // Half-open spans overlap when each starts before the other ends.
            conditions.Add("first_start < @WindowEnd AND last_end > @WindowStart");
            parameters.Add("WindowStart", bindTime(window.Start));
            parameters.Add("WindowEnd", bindTime(window.End));
        }
        if (query.States is { Count: > 0 })
        {
            conditions.Add(dialect.AnyOf("state", "@States"));
            parameters.Add("States", query.States.Select(s => (int)s).ToArray());
        }
        if (!string.IsNullOrEmpty(query.VehicleId))
        {
            conditions.Add("id IN (SELECT booking_id FROM booking_vehicles WHERE vehicle_id = @VehicleId)");
            parameters.Add("VehicleId", query.VehicleId);
        }
        if (query.After is { } after)
        {
            conditions.Add("(first_start, id) > (@AfterStart, @AfterId)");
            parameters.Add("AfterStart", bindTime(after.FirstStart));
            parameters.Add("AfterId", after.Id);
        }
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        var limit = "";
        if (query.Limit > 0)
        {
            limit = " LIMIT @Limit";
            parameters.Add("Limit", query.Limit);
        }
        return ($"SELECT document FROM bookings{where} ORDER BY first_start, id{limit}", parameters);
    }
}

/// <summary>How a store binds what ListBookings compares.</summary>
/// <param name="BindTime">A time as the value the store's time columns hold (UTC ticks in SQLite, <c>timestamptz</c> in PostgreSQL).</param>
/// <param name="ArrayParameters">
/// True when Dapper sends a list as one array parameter (Npgsql), which SQL tests with
/// <c>= ANY(…)</c>; false when it expands the list into one parameter per item for <c>IN …</c>.
/// </param>
internal sealed record BookingListDialect(Func<DateTimeOffset, object> BindTime, bool ArrayParameters)
{
    public string AnyOf(string column, string parameter) =>
        ArrayParameters ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";
}
