using RangeScheduler.Storage.Commands;

namespace RangeScheduler.Server.Housekeeping;

/// <summary>Stored commands that expired before the retention age.</summary>
public sealed class CommandRetention(ICommandStore commands) : IRetentionTask
{
    public string Name => "commands";

    public Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        commands.DeleteExpiredBeforeAsync(cutoff, cancellationToken);
}
