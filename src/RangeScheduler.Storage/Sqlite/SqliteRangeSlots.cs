using System.Collections.Concurrent;

namespace RangeScheduler.Storage.Sqlite;

/// <summary>The SQLite ledger's state of every range it has decided on, made on first use.</summary>
internal sealed class SqliteRangeSlots
{
    private readonly ConcurrentDictionary<string, SqliteRangeSlot> _slots = new(StringComparer.Ordinal);

    public SqliteRangeSlot this[string rangeId] => _slots.GetOrAdd(rangeId, static id => new SqliteRangeSlot(id));

    /// <summary>
    /// Runs <paramref name="read"/> under the range's gate once every write already decided for
    /// the range is settled, so that the state it reads is all the ledger has decided; then
    /// makes the range usable again after a failed write, at the sequence read from the file.
    /// </summary>
    public async Task<RangeState> ReloadAsync(string rangeId, Func<RangeState> read, CancellationToken cancellationToken)
    {
        var slot = this[rangeId];
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            await slot.LastWrite.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var state = read();
            slot.Reloaded(state.Sequence);
            return state;
        }
        finally
        {
            slot.Gate.Release();
        }
    }
}
