using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Storage.Tests.Support;

/// <summary>Shorthands for tests that need rows written through the ledger, the only way bookings and closures are written.</summary>
internal static class LedgerWrites
{
    public static Task<LedgerResult<bool>> WriteAsync(this IRangeLedger ledger, string rangeId, LedgerWrite write) =>
        ledger.DecideAsync(rangeId, 0, _ => new LedgerDecision<bool>(write, true), CancellationToken.None);

    public static Task<LedgerResult<bool>> PutAsync(this IRangeLedger ledger, params Booking[] bookings) =>
        ledger.WriteAsync(bookings[0].RangeId, new LedgerWrite(bookings, [], [], []));

    public static Task<LedgerResult<bool>> AddClosuresAsync(this IRangeLedger ledger, params Closure[] closures) =>
        ledger.WriteAsync(closures[0].RangeId, new LedgerWrite([], closures, [], []));

    public static Task<LedgerResult<bool>> RemoveClosureAsync(this IRangeLedger ledger, string rangeId, string closureId) =>
        ledger.WriteAsync(rangeId, new LedgerWrite([], [], [closureId], []));

    public static Task<LedgerResult<bool>> RememberAsync(this IRangeLedger ledger, string rangeId, IdempotencyRecord record) =>
        ledger.WriteAsync(rangeId, new LedgerWrite([], [], [], [record]));
}
