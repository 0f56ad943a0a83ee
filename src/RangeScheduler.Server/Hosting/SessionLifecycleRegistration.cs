using Quartz;
using RangeScheduler.Server.Housekeeping;
using RangeScheduler.Server.Sessions;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Hosting;

/// <summary>
/// Sessions that start and end by themselves (DESIGN.md, "Jobs"): Quartz.NET with its
/// persistent job store in the bookings' own database — SQLite for the embedded server,
/// PostgreSQL in clustered mode, so that any number of instances share the jobs and each
/// fires once — plus the retention job.
/// </summary>
public static class SessionLifecycleRegistration
{
    /// <summary>
    /// How often a clustered instance says it is alive, and how long past a missed check-in
    /// the others wait before taking over its jobs: short, so that the sessions of an
    /// instance that died are still moved on within seconds.
    /// </summary>
    public static readonly TimeSpan ClusterCheckinInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ClusterCheckinMisfireThreshold = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Call after the booking engine: hosted services start in the order they are added, and
    /// the scheduler needs the migrated store (its own tables are provisioned as it starts),
    /// and the planner and the recurring jobs the scheduler.
    /// </summary>
    public static IServiceCollection AddSessionLifecycle(this IServiceCollection services, string store, IConfiguration configuration)
    {
        var database = StoreDatabase.Of(store);
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section));
        services.AddSingleton<IRetentionTask, IdempotencyRetention>();
        services.AddSingleton<SessionSteps>();
        services.AddSingleton<SessionPlanner>();
        services.AddSingleton<SessionReconciler>();
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(jobs =>
            {
                if (database.Kind == StoreKind.Postgres)
                {
                    jobs.UsePostgres(database.ConnectionString);
                    jobs.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = ClusterCheckinMisfireThreshold;
                    });
                }
                else
                {
                    jobs.UseSqlite(database.ConnectionString);
                }
                jobs.UseSystemTextJsonSerializer();
                jobs.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddHostedService(provider => provider.GetRequiredService<SessionPlanner>());
        services.AddHostedService<RecurringJobs>();
        return services;
    }
}
