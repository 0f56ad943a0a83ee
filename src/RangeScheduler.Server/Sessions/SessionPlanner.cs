using System.Collections.Concurrent;
using System.Threading.Channels;
using Quartz;
using RangeScheduler.Domain.Bookings;

namespace RangeScheduler.Server.Sessions;

/// <summary>
/// Keeps one Quartz job per booking whose next step (<see cref="SessionClock.NextStepAt"/>)
/// falls within the <see cref="Horizon"/>, its one trigger at that instant, and none for a
/// booking that is final. Every booking written is handed here; plans are written in batches
/// by a loop of their own, off the booking's path, so a booking is durable a moment before
/// its plan is. Steps further ahead are planned by the <see cref="SessionReconciler"/> as
/// they come within the horizon — most bookings are made days ahead, and writing a job for
/// each as it is made would halve the booking rate. A plan lost with the process is made
/// again by the reconciler too, and a stale one does no harm: its job finds the booking as
/// it is and plans it again.
/// </summary>
public sealed partial class SessionPlanner(ISchedulerFactory schedulers, TimeProvider time, ILogger<SessionPlanner> log) : BackgroundService
{
    public const string JobGroup = "sessions";
    public const string RangeIdKey = "rangeId";

    /// <summary>How far ahead steps are planned as bookings are written; the reconciler runs well within it.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(15);

    private const int MaxBatch = 512;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<SessionPlan> _plans = Channel.CreateUnbounded<SessionPlan>(new UnboundedChannelOptions { SingleReader = true });
    // The newest version planned per live booking: decisions on one booking are made in order,
    // but their answers may reach here out of order, and an older plan must not replace a newer one.
    private readonly ConcurrentDictionary<string, long> _planned = new(StringComparer.Ordinal);

    /// <summary>
    /// Plans the booking as it now is: a job for its next step when that is within the
    /// horizon, otherwise (final, or further ahead) no job.
    /// </summary>
    public void Plan(Booking booking)
    {
        var at = SessionClock.NextStepAt(booking);
        if (at > time.GetUtcNow() + Horizon)
        {
            if (booking.Version == 1)
            {
                // A new booking has no job to remove.
                return;
            }
            at = null;
        }
        Write(booking, at);
    }

    /// <summary>Plans the booking's next step however far ahead it is (the reconciler, as a step comes within the horizon).</summary>
    public void PlanNextStep(Booking booking) => Write(booking, SessionClock.NextStepAt(booking));

    /// <summary>Removes the job of a booking no range holds any more.</summary>
    public void Drop(string bookingId, string rangeId)
    {
        _planned.TryRemove(bookingId, out _);
        _plans.Writer.TryWrite(new SessionPlan(bookingId, rangeId, long.MaxValue, null));
    }

    /// <summary>Completes once every plan handed over so far is written: what a caller that must see the job store as planned waits for.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _plans.Writer.TryWrite(new SessionPlan("", "", 0, null, flushed));
        return flushed.Task.WaitAsync(cancellationToken);
    }

    private void Write(Booking booking, DateTimeOffset? at)
    {
        var newest = _planned.AddOrUpdate(booking.Id, booking.Version, (_, known) => Math.Max(known, booking.Version));
        if (newest == booking.Version)
        {
            _plans.Writer.TryWrite(new SessionPlan(booking.Id, booking.RangeId, booking.Version, at));
        }
    }

    public static JobKey JobKeyOf(string bookingId) => new(bookingId, JobGroup);

    public static TriggerKey TriggerKeyOf(string bookingId) => new(bookingId, JobGroup);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scheduler = await schedulers.GetScheduler(stoppingToken).ConfigureAwait(false);
        var batch = new Dictionary<string, SessionPlan>(StringComparer.Ordinal);
        var flushes = new List<TaskCompletionSource>();
        try
        {
            while (await _plans.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _plans.Reader.TryRead(out var plan))
                {
                    if (plan.Flushed is { } flush)
                    {
                        flushes.Add(flush);
                    }
                    else if (!batch.TryGetValue(plan.BookingId, out var earlier) || earlier.Version <= plan.Version)
                    {
                        batch[plan.BookingId] = plan;
                    }
                }
                await WriteAsync(scheduler, batch.Values, stoppingToken).ConfigureAwait(false);
                batch.Clear();
                flushes.ForEach(f => f.TrySetResult());
                flushes.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Plans not yet written are made again at the next start.
        }
    }

    /// <summary>Writes the batch, trying again until it is written or the host stops: the plans are owed, not optional.</summary>
    private async Task WriteAsync(IScheduler scheduler, IReadOnlyCollection<SessionPlan> plans, CancellationToken stoppingToken)
    {
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        var ended = new List<JobKey>();
        foreach (var plan in plans)
        {
            if (plan.At is { } at)
            {
                jobs.Add(Job(plan), [Trigger(plan, at)]);
            }
            else
            {
                ended.Add(JobKeyOf(plan.BookingId));
                _planned.TryRemove(new KeyValuePair<string, long>(plan.BookingId, plan.Version));
            }
        }
        while (true)
        {
            try
            {
                if (jobs.Count > 0)
                {
                    await scheduler.ScheduleJobs(jobs, ScheduleJobOptions.Replacing, stoppingToken).ConfigureAwait(false);
                }
                if (ended.Count > 0)
                {
                    await scheduler.DeleteJobs(ended, stoppingToken).ConfigureAwait(false);
                }
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogWriteFailed(log, plans.Count, error);
                await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private static IJobDetail Job(SessionPlan plan) =>
        JobBuilder.Create<SessionJob>()
            .WithIdentity(JobKeyOf(plan.BookingId))
            .UsingJobData(RangeIdKey, plan.RangeId)
            .StoreDurably()
            .Build();

    // A step missed while no server ran is taken as soon as one does (DESIGN.md: a session is
    // never activated after its end, which SessionClock decides when the job runs).
    private ITrigger Trigger(SessionPlan plan, DateTimeOffset at) =>
        TriggerBuilder.Create(time)
            .WithIdentity(TriggerKeyOf(plan.BookingId))
            .ForJob(JobKeyOf(plan.BookingId))
            .StartAt(at)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .WithRetryPolicy(RetryPolicy.Exponential(20, TimeSpan.FromSeconds(1), 2, TimeSpan.FromMinutes(1)))
            .Build();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} session plans; trying again")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception error);

    /// <param name="At">When the job is to fire; null: no job.</param>
    /// <param name="Flushed">Set instead of a plan: completed once the plans before it are written.</param>
    private sealed record SessionPlan(string BookingId, string RangeId, long Version, DateTimeOffset? At, TaskCompletionSource? Flushed = null);
}
