using RangeScheduler.Contracts.Clients;
using RangeScheduler.Grpc;
using RangeScheduler.Grpc.Server;
using RangeScheduler.Server.Bookings;
using RangeScheduler.Server.Errors;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Logging;
using RangeScheduler.Server.Monitoring;
using RangeScheduler.Server.Ranges;
using RangeScheduler.Server.Telemetry;
using RangeScheduler.Storage;

namespace RangeScheduler.Server.Hosting;

/// <summary>The server's wiring, shared by Program.cs and the end-to-end tests.</summary>
public static class RangeSchedulerHosting
{
    /// <summary>
    /// The framework's builder with its defaults, except that configuration files are not
    /// watched: the server reads its options once at start-up, so a change would do nothing,
    /// while the watcher covers the content root and every folder under it (1,167 in a checkout
    /// of this repository with its builds), the database's among them, so that every SQLite
    /// write woke the watcher's thread.
    /// </summary>
    /// <param name="contentRoot">Null: the current directory, as the framework's default.</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, string? contentRoot = null) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            ContentRootPath = contentRoot,
        });

    /// <summary>
    /// Configuration defaults, listening, the gRPC transport, interceptors, principals and
    /// ranges. Reads the principals and seed files now: a bad one stops start-up here.
    /// </summary>
    public static WebApplicationBuilder AddRangeScheduler(this WebApplicationBuilder builder)
    {
        EmbeddedDefaults.AddTo(builder.Configuration);
        var section = builder.Configuration.GetSection(RangeSchedulerOptions.Section);
        builder.Services.AddOptions<RangeSchedulerOptions>().Bind(section);
        var options = section.Get<RangeSchedulerOptions>() ?? new RangeSchedulerOptions();
        var contentRoot = builder.Environment.ContentRootPath;
        // Under the content root first (a deployment's own seeds/, or the repository's when the
        // binary is started from its root), then next to the binary, where the build copies
        // seeds/: `dotnet run` makes the project folder the content root, and has no seeds there.
        var seeds = SeedDirectory.Locate(contentRoot, AppContext.BaseDirectory);

        builder.ConfigureListening(options.Tls);
        builder.Services.AddGrpcTransport(grpc =>
        {
            grpc.EnableDetailedErrors = builder.Environment.IsDevelopment();
            grpc.TranslateException = error => StatusErrors.IsMapped(error) ? StatusErrors.From(error) : null;
        });
        // Interceptors run in the order they are added: logging first, so that it also logs
        // the calls authentication refuses.
        builder.Services.AddSingleton<IServerCallInterceptor, CallLoggingInterceptor>();
        builder.Services.AddPrincipals(options.Principals, contentRoot, seeds);
        builder.Services.AddSingleton(SeedRangeCatalogue.Load(seeds.Ranges));
        builder.Services.AddRangeStorage(options.Store);
        builder.Services.AddBookingEngine();
        builder.Services.AddSessionLifecycle(options.Store, builder.Configuration);
        builder.Services.AddLiveTelemetry(options.Redis, builder.Configuration);
        return builder;
    }

    /// <summary>The four contract services, health and reflection.</summary>
    public static WebApplication MapRangeScheduler(this WebApplication app)
    {
        app.MapGrpcService<RangeGrpcService>(ContractServices.RangeService);
        app.MapGrpcService<BookingGrpcService>(ContractServices.BookingService);
        app.MapGrpcService<TelemetryGrpcService>(ContractServices.TelemetryService);
        app.MapGrpcService<MonitorGrpcService>(ContractServices.MonitorService);
        app.MapGrpcHealth();
        app.MapGrpcReflection();
        return app;
    }
}
