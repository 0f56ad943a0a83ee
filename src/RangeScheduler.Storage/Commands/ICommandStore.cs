namespace RangeScheduler.Storage.Commands;

/// <summary>
/// Controller commands at the latest status this database was told of (DESIGN.md: IssueCommand
/// stores them), so that a restarted server still delivers the ones no station has acknowledged
/// and still answers a retried request with the first command. A command's stage only moves
/// forward, as its status does: queued, delivered, then final.
/// </summary>
public interface ICommandStore
{
    /// <summary>
    /// Stores the command, or replaces the stored one when its <see cref="StoredCommand.Stage"/>
    /// is further on; otherwise changes nothing, so that changes saved out of order (by two
    /// processes, or two writes racing) never take a command back. Durable when the task completes.
    /// </summary>
    /// <exception cref="ArgumentException">The command is malformed (see <see cref="StoredCommand"/>); nothing is stored.</exception>
    /// <exception cref="StoreUnavailableException">The database failed; nothing is stored.</exception>
    Task SaveAsync(StoredCommand command, CancellationToken cancellationToken);

    /// <summary>The commands that expire after <paramref name="after"/>, in the order they were issued (then by id).</summary>
    /// <exception cref="StoreUnavailableException">The database failed.</exception>
    Task<IReadOnlyList<StoredCommand>> ListExpiringAfterAsync(DateTimeOffset after, CancellationToken cancellationToken);

    /// <summary>Retention: deletes the commands that expired before <paramref name="cutoff"/>; returns how many.</summary>
    /// <exception cref="StoreUnavailableException">The database failed.</exception>
    Task<int> DeleteExpiredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
