using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RangeScheduler.Storage.Tests.Support;

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
        var range = await services.GetRequiredService<IRangeStore>().UpsertAsync(TestData.FullRange("wanshan"), 0, CancellationToken.None);
        range.Version.ShouldBe(1);
    }
}
