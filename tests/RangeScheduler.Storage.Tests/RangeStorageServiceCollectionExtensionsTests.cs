using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RangeScheduler.Storage.Tests.Support;
using RangeScheduler.Storage.Tests.Tracks;
using RangeScheduler.Storage.Tracks;

namespace RangeScheduler.Storage.Tests;

public sealed class RangeStorageServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddRangeStorage_HostStarted_StoresSharedAndSchemaMigrated()
    {
        using var file = new SqliteFile();
        await using var services = new ServiceCollection().AddRangeStorage(file.ConnectionString).BuildServiceProvider();

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var storage = services.GetRequiredService<RangeStorage>();
        services.GetRequiredService<IRangeStore>().ShouldBeSameAs(storage.Ranges);
        services.GetRequiredService<IBookingStore>().ShouldBeSameAs(storage.Bookings);
        services.GetRequiredService<IRangeLedger>().ShouldBeSameAs(storage.Ledger);
        services.GetRequiredService<ITrackStore>().ShouldBeSameAs(storage.Tracks);
        var range = await services.GetRequiredService<IRangeStore>().UpsertAsync(TestData.FullRange("wanshan"), 0, CancellationToken.None);
        range.Version.ShouldBe(1);
    }

    [Fact]
    public async Task AddRangeStorage_HostStopped_RecorderWritesWhatItHeldBeforeStorageCloses()
    {
        using var file = new SqliteFile();
        var chunk = TrackChunks.At(TestData.NewId("booking"), "usv-1", 0);
        await using (var services = new ServiceCollection().AddRangeStorage(file.ConnectionString).BuildServiceProvider())
        {
            await services.GetServices<IHostedService>().Single().StartAsync(CancellationToken.None);
            services.GetRequiredService<TrackRecorder>().Record(chunk).ShouldBeTrue();
        }

        await using var reopened = RangeStorage.Open(file.ConnectionString);
        await reopened.InitializeAsync(CancellationToken.None);
        (await reopened.Tracks.ReadAsync(chunk.BookingId, null, TrackChunks.Start, TrackChunks.Start.AddHours(1), 10, CancellationToken.None))
            .ShouldBeStoredAs(chunk);
    }
}
