using Quartz;

namespace RangeScheduler.Server.Sessions;

/// <summary>Runs the <see cref="SessionReconciler"/>; one run at a time across a cluster, failures retried by the next run.</summary>
[DisallowConcurrentExecution]
public sealed class SessionReconciliationJob(SessionReconciler reconciler) : IJob
{
    public static readonly JobKey Key = new("reconciliation", SessionPlanner.JobGroup + "-housekeeping");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reconciler.ReconcileAsync(cancellationToken).ConfigureAwait(false);
}
