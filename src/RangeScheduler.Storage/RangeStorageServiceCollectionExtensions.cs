using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RangeScheduler.Storage.Commands;
using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Storage;

/// <summary>Wiring of the stores into a host (STYLE.md: <c>Program.cs</c> stays short).</summary>
public static class RangeStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="RangeStorage"/> the connection string names (see
    /// <see cref="RangeStorage.Open"/>) as a singleton, its five stores, a
    /// <see cref="TrackRecorder"/> over its track store, and a hosted service that migrates the
    /// schema when the host starts. The host disposes them when it stops, after the server has
    /// stopped taking calls: the recorder first (it was made after the storage), which writes
    /// what it holds, then the storage.
    /// </summary>
    public static IServiceCollection AddRangeStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => RangeStorage.Open(connectionString));
        services.AddSingleton(provider => provider.GetRequiredService<RangeStorage>().Ranges);
        services.AddSingleton(provider => provider.GetRequiredService<RangeStorage>().Bookings);
        services.AddSingleton(provider => provider.GetRequiredService<RangeStorage>().Ledger);
        services.AddSingleton(provider => provider.GetRequiredService<RangeStorage>().Tracks);
        services.AddSingleton(provider => provider.GetRequiredService<RangeStorage>().Commands);
        services.AddSingleton(provider => new TrackRecorder(
            provider.GetRequiredService<ITrackStore>(), new TrackRecorderOptions(), provider.GetService<ILogger<TrackRecorder>>()));
        services.AddHostedService<RangeStorageMigration>();
        return services;
    }

    /// <summary>
    /// Runs <see cref="RangeStorage.InitializeAsync"/> at start-up. Hosted services start
    /// before the web server listens, so no call reaches a store before its schema is there.
    /// </summary>
    private sealed class RangeStorageMigration(RangeStorage storage) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => storage.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
