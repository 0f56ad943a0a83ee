using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Storage.Serialization;

namespace RangeScheduler.Storage.Rows;

/// <summary>
/// The one place where domain objects become rows and rows become domain objects, for both
/// stores. A row is the object's JSON document (what is read back) plus the columns that
/// queries filter and sort on, derived from the object here so that they never disagree
/// with the document.
/// </summary>
internal static class RowMapper
{
    public static RangeRow ToRow(TestRange range) => new(range.Id, range.Version, StorageJson.Serialize(range));

    public static TestRange ToRange(string document) => StorageJson.Deserialize<TestRange>(document);

    /// <exception cref="ArgumentException">The booking has no volume: it has no first start to be listed by.</exception>
    public static BookingRow ToRow(Booking booking)
    {
        if (booking.Volumes.Count == 0)
        {
            throw new ArgumentException($"Booking \"{booking.Id}\" has no volume.", nameof(booking));
        }
        var span = booking.Span;
        return new BookingRow(
            booking.Id,
            booking.RangeId,
            booking.OrganizationId,
            (int)booking.State,
            span.Start,
            span.End,
            booking.Version,
            booking.Vehicles.Select(v => v.Id).Distinct(StringComparer.Ordinal).ToList(),
            booking.Volumes,
            StorageJson.Serialize(booking));
    }

    public static Booking ToBooking(string document) => StorageJson.Deserialize<Booking>(document);

    public static ClosureRow ToRow(Closure closure) =>
        new(closure.Id, closure.RangeId, closure.Window.Start, closure.Window.End, StorageJson.Serialize(closure));

    public static Closure ToClosure(string document) => StorageJson.Deserialize<Closure>(document);

    /// <summary>The <c>state</c> column values of bookings that hold space (<see cref="BookingStates.HoldsSpace"/>).</summary>
    public static IReadOnlyList<int> SpaceHoldingStates { get; } =
        Enum.GetValues<BookingState>().Where(s => s.HoldsSpace()).Select(s => (int)s).ToList();
}

/// <summary>A range: its document and the columns that identify and version it.</summary>
internal sealed record RangeRow(string Id, long Version, string Document);

/// <summary>
/// A booking: its document, the columns ListBookings filters and pages on, its vehicle ids
/// (a side table, for the vehicle filter) and its volumes (PostgreSQL indexes them in space and time).
/// </summary>
internal sealed record BookingRow(
    string Id,
    string RangeId,
    string OrganizationId,
    int State,
    DateTimeOffset FirstStart,
    DateTimeOffset LastEnd,
    long Version,
    IReadOnlyList<string> VehicleIds,
    IReadOnlyList<Volume4D> Volumes,
    string Document);

/// <summary>A closure: its document and the columns it is listed and ordered by.</summary>
internal sealed record ClosureRow(string Id, string RangeId, DateTimeOffset Start, DateTimeOffset End, string Document);
