namespace RangeScheduler.Storage.Rows;

/// <summary>A <see cref="LedgerWrite"/> as rows, ready to bind.</summary>
internal sealed record LedgerRows(
    string RangeId,
    IReadOnlyList<BookingRow> Bookings,
    IReadOnlyList<ClosureRow> AddedClosures,
    IReadOnlyList<string> RemovedClosureIds,
    IReadOnlyList<IdempotencyRecord> IdempotencyRecords)
{
    /// <summary>
    /// The rows of a write the ledger has already checked with <see cref="EnsureOwnedBy"/>,
    /// while the decision was being taken: mapping here does not check it again.
    /// </summary>
    public static LedgerRows From(string rangeId, LedgerWrite write) =>
        new(
            rangeId,
            write.Bookings.Select(RowMapper.ToRow).ToList(),
            write.AddedClosures.Select(RowMapper.ToRow).ToList(),
            write.RemovedClosureIds,
            write.IdempotencyRecords);

    /// <exception cref="ArgumentException">
    /// A booking or closure of another range: the ledger serialises decisions per range, so a
    /// decision may only write to the range it holds.
    /// </exception>
    public static void EnsureOwnedBy(string rangeId, LedgerWrite write)
    {
        var foreign = write.Bookings.Select(b => (Kind: "Booking", b.Id, b.RangeId))
            .Concat(write.AddedClosures.Select(c => (Kind: "Closure", c.Id, c.RangeId)))
            .FirstOrDefault(item => !string.Equals(item.RangeId, rangeId, StringComparison.Ordinal));
        if (foreign.Id is not null)
        {
            throw new ArgumentException(
                $"{foreign.Kind} \"{foreign.Id}\" belongs to range \"{foreign.RangeId}\", not to \"{rangeId}\" whose decision wrote it.",
                nameof(write));
        }
    }
}
