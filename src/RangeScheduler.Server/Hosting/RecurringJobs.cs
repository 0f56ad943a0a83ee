using Microsoft.Extensions.Options;
using Quartz;
using RangeScheduler.Server.Housekeeping;
using RangeScheduler.Server.Sessions;

namespace RangeScheduler.Server.Hosting;

/// <summary>
/// Puts the recurring jobs in the job store at every start, replacing what an earlier start
/// stored so that the intervals are the ones configured now: session reconciliation at once
/// and then every <see cref="SessionReconciler.Interval"/>, retention every
/// <see cref="RetentionOptions.Interval"/>.
/// </summary>
public sealed class RecurringJobs(ISchedulerFactory schedulers, IOptions<RetentionOptions> retention, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await ScheduleAsync<SessionReconciliationJob>(scheduler, SessionReconciliationJob.Key, now, SessionReconciler.Interval, cancellationToken).ConfigureAwait(false);
        await ScheduleAsync<RetentionJob>(scheduler, RetentionJob.Key, now + retention.Value.Interval, retention.Value.Interval, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ScheduleAsync<TJob>(IScheduler scheduler, JobKey key, DateTimeOffset first, TimeSpan every, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var job = JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(key.Name, key.Group)
            .ForJob(key)
            .StartAt(first)
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(every).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }
}
