using Microsoft.Extensions.Options;
using Quartz;

namespace RangeScheduler.Server.Housekeeping;

/// <summary>
/// Trims every <see cref="IRetentionTask"/>'s data older than <see cref="RetentionOptions.Age"/>.
/// One run at a time across the cluster: it is one job with one trigger in the shared job store.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(IEnumerable<IRetentionTask> tasks, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> log) : IJob
{
    public static readonly JobKey Key = new("retention", "housekeeping");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Age;
        foreach (var task in tasks)
        {
            var trimmed = await task.TrimAsync(cutoff, cancellationToken).ConfigureAwait(false);
            LogTrimmed(log, trimmed, task.Name, cutoff);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention trimmed {Count} {What} older than {Cutoff:o}")]
    private static partial void LogTrimmed(ILogger logger, int count, string what, DateTimeOffset cutoff);
}
