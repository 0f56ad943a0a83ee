using Quartz;

namespace RangeScheduler.Server.Sessions;

/// <summary>
/// Fired by a booking's trigger: moves the booking on if its time has come. Failures (the
/// store down) are retried by the trigger's retry policy.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SessionJob(SessionSteps steps) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var rangeId = context.JobDetail.JobDataMap.GetString(SessionPlanner.RangeIdKey)
            ?? throw new JobExecutionException($"session job {context.JobDetail.Key} has no {SessionPlanner.RangeIdKey}");
        await steps.AdvanceAsync(rangeId, context.JobDetail.Key.Name, cancellationToken).ConfigureAwait(false);
    }
}
