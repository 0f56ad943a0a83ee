using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Validation;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests;

/// <summary><see cref="IRangeStore"/>'s contract, run against each store by a subclass.</summary>
public abstract class RangeStoreTests : StoreTestBase
{
    [Fact]
    public async Task Upsert_NewRange_StoredAtVersionOneWithEveryField()
    {
        var range = TestData.FullRange(TestData.NewId("range")) with { Version = 42 };

        var stored = await Storage.Ranges.UpsertAsync(range, 0, None);

        stored.Version.ShouldBe(1);
        var read = await (await OpenAsync()).Ranges.GetAsync(range.Id, None);
        read.ShouldMatch(range with { Version = 1 });
    }

    [Fact]
    public async Task Upsert_TakenIdAtVersionZero_AlreadyExistsAndUnchanged()
    {
        var range = TestData.FullRange(TestData.NewId("range"));
        await Storage.Ranges.UpsertAsync(range, 0, None);

        await Should.ThrowAsync<AlreadyExistsException>(() => Storage.Ranges.UpsertAsync(range with { Name = "Other" }, 0, None));

        (await Storage.Ranges.GetAsync(range.Id, None))!.Name.ShouldBe(range.Name);
    }

    [Fact]
    public async Task Upsert_CurrentVersion_ReplacesWholeRangeAndIncrementsVersion()
    {
        var range = TestData.FullRange(TestData.NewId("range"));
        await Storage.Ranges.UpsertAsync(range, 0, None);
        var replacement = range with
        {
            Name = "Renamed",
            Zones = [],
            OperatingHours = [],
            Boundary = new PolygonFootprint(TestData.Square(0, 0, 5000).Exterior),
        };

        var stored = await Storage.Ranges.UpsertAsync(replacement, 1, None);

        stored.Version.ShouldBe(2);
        (await Storage.Ranges.GetAsync(range.Id, None)).ShouldMatch(replacement with { Version = 2 });
    }

    [Fact]
    public async Task Upsert_StaleVersion_StaleVersionAndUnchanged()
    {
        var range = TestData.FullRange(TestData.NewId("range"));
        await Storage.Ranges.UpsertAsync(range, 0, None);
        await Storage.Ranges.UpsertAsync(range with { Name = "Second" }, 1, None);

        await Should.ThrowAsync<StaleVersionException>(() => Storage.Ranges.UpsertAsync(range with { Name = "Lost update" }, 1, None));

        var read = await Storage.Ranges.GetAsync(range.Id, None);
        read!.Name.ShouldBe("Second");
        read.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Upsert_UnknownIdAtNonZeroVersion_NotFoundAndNothingStored()
    {
        var range = TestData.FullRange(TestData.NewId("range"));

        await Should.ThrowAsync<NotFoundException>(() => Storage.Ranges.UpsertAsync(range, 3, None));

        (await Storage.Ranges.GetAsync(range.Id, None)).ShouldBeNull();
    }

    [Fact]
    public async Task Get_UnknownId_Null() =>
        (await Storage.Ranges.GetAsync(TestData.NewId("range"), None)).ShouldBeNull();

    [Fact]
    public async Task List_EveryRangeOrderedByIdOrdinally()
    {
        var prefix = TestData.NewId("list");
        // Ordinal order: '-' (0x2D) < 'B' (0x42) < '_' (0x5F) < 'a' (0x61); a linguistic order would differ.
        string[] ids = [$"{prefix}_x", $"{prefix}a", $"{prefix}-x", $"{prefix}B"];
        foreach (var id in ids)
        {
            await Storage.Ranges.UpsertAsync(TestData.FullRange(id), 0, None);
        }

        var listed = await Storage.Ranges.ListAsync(None);

        listed.Select(r => r.Id).Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .ShouldBe(ids.Order(StringComparer.Ordinal));
        listed.Select(r => r.Id).ShouldBe(listed.Select(r => r.Id).Order(StringComparer.Ordinal));
    }
}
