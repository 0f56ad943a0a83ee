using Microsoft.Extensions.Options;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Housekeeping;
using RangeScheduler.Server.Monitoring;
using RangeScheduler.Server.Telemetry;
using RangeScheduler.Storage.Geoid;
using RangeScheduler.Telemetry;

namespace RangeScheduler.Server.Hosting;

/// <summary>
/// Live telemetry (DESIGN.md, "Telemetry and conformance"): the bus — Redis Streams when
/// <c>RangeScheduler:Redis</c> is set, in-process otherwise — ingest with conformance, command
/// delivery, the watchdog, and the monitoring services.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddLiveTelemetry(this IServiceCollection services, string? redis, IConfiguration configuration)
    {
        var telemetry = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        foreach (var (name, interval) in new[]
        {
            (nameof(TelemetryOptions.WatchdogInterval), telemetry.WatchdogInterval),
            (nameof(TelemetryOptions.CommandResyncInterval), telemetry.CommandResyncInterval),
        })
        {
            if (interval <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"{TelemetryOptions.Section}:{name} must be a positive time span, not {interval}.");
            }
        }
        var bus = configuration.GetSection(BusSection).Get<RangeBusOptions>() ?? new RangeBusOptions();
        services.AddSingleton(telemetry);
        services.AddSingleton(provider => RangeBuses.Create(redis, bus, provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new HeightReference(LoadGeoid(configuration)));
        services.AddSingleton<ReportableBookings>();
        services.AddSingleton<IRangeChangeListener>(provider => provider.GetRequiredService<ReportableBookings>());
        services.AddSingleton<RangeMonitors>();
        services.AddSingleton<IRangeChangeListener>(provider => provider.GetRequiredService<RangeMonitors>());
        services.AddSingleton<ReportingVehicles>();
        services.AddSingleton<StationRoutes>();
        services.AddSingleton<ConformanceDispatch>();
        services.AddSingleton<CommandBoard>();
        services.AddSingleton<CommandRecord>();
        services.AddSingleton<CommandDelivery>();
        services.AddSingleton<CommandFeeds>();
        services.AddSingleton<TrackRecording>();
        services.AddSingleton<StoredTrackEnds>();
        services.AddSingleton<PositionIngest>();
        services.AddSingleton<RangeWatch>();
        services.AddSingleton<LiveStateQuery>();
        services.AddSingleton<CommandDesk>();
        services.AddSingleton<TrackQuery>();
        services.AddSingleton<IRetentionTask, TrackRetention>();
        services.AddSingleton<IRetentionTask, CommandRetention>();
        services.AddHostedService<CommandRestore>();
        services.AddHostedService<CommandResync>();
        services.AddHostedService<ConformanceRecorder>();
        services.AddHostedService<ConformanceWatchdog>();
        return services;
    }

    /// <summary>Configuration section of the bus's retention and watcher limits (<see cref="RangeBusOptions"/>).</summary>
    public const string BusSection = "RangeScheduler:Bus";

    /// <summary>Where the EGM96 geoid grid is read from (Debian's proj-data), to bring ellipsoid heights to mean sea level.</summary>
    public const string GeoidKey = "RangeScheduler:Telemetry:GeoidGrid";

    // The default grid is optional (a fresh machine may lack proj-data); a configured one must load.
    private static GeoidModel? LoadGeoid(IConfiguration configuration)
    {
        if (configuration[GeoidKey] is { Length: > 0 } configured)
        {
            return GtxGeoidFile.Load(configured);
        }
        return File.Exists(GtxGeoidFile.Egm96Path) ? GtxGeoidFile.Load(GtxGeoidFile.Egm96Path) : null;
    }
}
