using Google.Protobuf;
using Microsoft.Extensions.Logging;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Logging;
using RangeScheduler.Storage.Commands;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Keeps every command, and each status change of it made in this process, in the database
/// (DESIGN.md: IssueCommand stores them), so that <see cref="CommandRestore"/> can deliver the
/// unacknowledged ones after a restart, whichever bus runs. The bus alone would lose them
/// with the process when it is the in-process one.
/// </summary>
public sealed class CommandRecord(ICommandStore store, ILogger<CommandRecord> log)
{
    /// <summary>A command just issued: durable when the task completes.</summary>
    /// <exception cref="Storage.StoreUnavailableException">The database failed.</exception>
    public Task SaveAsync(string rangeId, Command command, CancellationToken cancellationToken) =>
        store.SaveAsync(Stored(rangeId, command), cancellationToken);

    /// <summary>
    /// A status change, stored in the background: delivery and receipts never wait for the
    /// disk. One that cannot be stored is logged; at worst a restart delivers the command again,
    /// which a station already answers by its id.
    /// </summary>
    public void Keep(CommandChange change) => _ = KeepAsync(change);

    /// <summary>
    /// The stored commands that expire after <paramref name="after"/>, in the order they were
    /// issued. A document that cannot be read is logged and left out, so that one damaged row
    /// does not keep the server from starting or the other commands from being delivered.
    /// </summary>
    public async Task<IReadOnlyList<(string RangeId, Command Command)>> ListExpiringAfterAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        var stored = await store.ListExpiringAfterAsync(after, cancellationToken).ConfigureAwait(false);
        var commands = new List<(string, Command)>(stored.Count);
        foreach (var row in stored)
        {
            try
            {
                commands.Add((row.RangeId, Command.Parser.ParseFrom(row.Document)));
            }
            catch (InvalidProtocolBufferException e)
            {
                ServerLog.CommandUnreadable(log, row.Id, row.RangeId, e);
            }
        }
        return commands;
    }

    private async Task KeepAsync(CommandChange change)
    {
        try
        {
            await store.SaveAsync(Stored(change.RangeId, change.Command), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            ServerLog.CommandStatusNotStored(log, change.Command.Id, change.Command.Status.ToString(), e);
        }
    }

    private static StoredCommand Stored(string rangeId, Command command) => new(
        command.Id, rangeId, CommandBoard.Rank(command.Status), command.IssuedAt.ToDateTimeOffset(), command.ExpiresAt.ToDateTimeOffset(), command.ToByteArray());
}
