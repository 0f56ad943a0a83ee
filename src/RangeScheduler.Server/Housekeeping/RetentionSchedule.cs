using Microsoft.Extensions.Options;
using Quartz;

namespace RangeScheduler.Server.Housekeeping;

/// <summary>
/// Puts the retention job in the job store at start-up, every <see cref="RetentionOptions.Interval"/>
/// from now; replacing it each start keeps the interval the configuration says.
/// </summary>
public sealed class RetentionSchedule(ISchedulerFactory schedulers, IOptions<RetentionOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<RetentionJob>().WithIdentity(RetentionJob.Key).StoreDurably().Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(RetentionJob.Key.Name, RetentionJob.Key.Group)
            .ForJob(RetentionJob.Key)
            .StartAt(time.GetUtcNow() + options.Value.Interval)
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.Value.Interval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
