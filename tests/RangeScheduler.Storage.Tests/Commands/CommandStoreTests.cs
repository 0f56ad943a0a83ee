using RangeScheduler.Storage.Commands;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Commands;

/// <summary><see cref="ICommandStore"/>'s contract, run against each store by a subclass.</summary>
public abstract class CommandStoreTests : StoreTestBase
{
    private readonly DateTimeOffset _issued = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string _rangeId = TestData.NewId("range");

    private ICommandStore Commands => Storage.Commands;

    [Fact]
    public async Task Save_ThenList_FieldsAndDocumentIdentical()
    {
        var command = Command("cmd-1", stage: 1, issuedAfter: TimeSpan.FromTicks(1_234_560));

        await Commands.SaveAsync(command, None);

        ShouldBeStoredAs(await ListAsync(), command);
    }

    [Fact]
    public async Task Save_LaterStage_Replaces_EarlierOrSameStage_ChangesNothing()
    {
        var queued = Command("cmd-2", stage: 1, document: [1]);
        var acknowledged = queued with { Stage = 3, Document = [3] };
        await Commands.SaveAsync(queued, None);
        await Commands.SaveAsync(acknowledged, None);

        await Commands.SaveAsync(queued with { Stage = 2, Document = [2] }, None);
        await Commands.SaveAsync(acknowledged with { Document = [9] }, None);

        ShouldBeStoredAs(await ListAsync(), acknowledged);
    }

    [Fact]
    public async Task Save_FromASecondInstance_SameCommandsOnBoth()
    {
        var second = await OpenAsync();
        var first = Command("cmd-3", stage: 1);

        await Commands.SaveAsync(first, None);
        await second.Commands.SaveAsync(first with { Stage = 2, Document = [7, 7] }, None);

        ShouldBeStoredAs(await ListAsync(), first with { Stage = 2, Document = [7, 7] });
    }

    [Fact]
    public async Task List_ExpiringAfter_StrictlyAfter_InIssueOrder()
    {
        var late = Command("cmd-a", stage: 1, issuedAfter: TimeSpan.FromMinutes(2), lifetime: TimeSpan.FromMinutes(1));
        var early = Command("cmd-b", stage: 1, issuedAfter: TimeSpan.FromMinutes(1), lifetime: TimeSpan.FromMinutes(10));
        var expiringAtTheCut = Command("cmd-c", stage: 1, lifetime: TimeSpan.FromMinutes(3));
        foreach (var command in new[] { late, early, expiringAtTheCut })
        {
            await Commands.SaveAsync(command, None);
        }

        ShouldBeStoredAs(Mine(await Commands.ListExpiringAfterAsync(_issued.AddMinutes(3), None)), early);
        ShouldBeStoredAs(await ListAsync(), expiringAtTheCut, early, late);
    }

    [Fact]
    public async Task DeleteExpiredBefore_OnlyThoseExpiredBeforeTheCutoff()
    {
        // Years before every other test's commands, which share the database.
        var longAgo = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var expired = Command("cmd-d", stage: 3) with { IssuedAt = longAgo, ExpiresAt = longAgo.AddMinutes(1) };
        var atTheCutoff = Command("cmd-e", stage: 1) with { IssuedAt = longAgo, ExpiresAt = longAgo.AddMinutes(2) };
        await Commands.SaveAsync(expired, None);
        await Commands.SaveAsync(atTheCutoff, None);

        var deleted = await Commands.DeleteExpiredBeforeAsync(longAgo.AddMinutes(2), None);

        deleted.ShouldBe(1);
        ShouldBeStoredAs(Mine(await Commands.ListExpiringAfterAsync(longAgo, None)), atTheCutoff);
    }

    public static TheoryData<string, StoredCommand> Malformed => new()
    {
        { "no id", new StoredCommand("", "range", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [1]) },
        { "no range", new StoredCommand("cmd-x", "", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [1]) },
        { "negative stage", new StoredCommand("cmd-x", "range", -1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [1]) },
        { "no document", new StoredCommand("cmd-x", "range", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Save_Malformed_ArgumentExceptionNothingStored(string what, StoredCommand malformed)
    {
        await Should.ThrowAsync<ArgumentException>(() => Commands.SaveAsync(malformed, None), what);

        (await Commands.ListExpiringAfterAsync(DateTimeOffset.MinValue.AddYears(1), None)).ShouldNotContain(c => c.Id == "cmd-x", what);
    }

    private async Task<IReadOnlyList<StoredCommand>> ListAsync() => Mine(await Commands.ListExpiringAfterAsync(_issued, None));

    // Other tests' commands share the database.
    private List<StoredCommand> Mine(IEnumerable<StoredCommand> commands) => [.. commands.Where(c => c.RangeId == _rangeId)];

    /// <param name="id">Made unique to the test, so tests sharing a database do not meet.</param>
    private StoredCommand Command(string id, int stage, TimeSpan issuedAfter = default, TimeSpan? lifetime = null, byte[]? document = null) =>
        new($"{id}-{_rangeId}", _rangeId, stage, _issued + issuedAfter, _issued + (lifetime ?? TimeSpan.FromMinutes(5)), document ?? [0x0A, 0x03, 0x63, 0x6D, 0x64]);

    private static void ShouldBeStoredAs(IReadOnlyList<StoredCommand> stored, params StoredCommand[] expected)
    {
        stored.Select(c => c.Id).ShouldBe(expected.Select(c => c.Id));
        for (var i = 0; i < expected.Length; i++)
        {
            stored[i].RangeId.ShouldBe(expected[i].RangeId);
            stored[i].Stage.ShouldBe(expected[i].Stage);
            stored[i].IssuedAt.ShouldBe(expected[i].IssuedAt);
            stored[i].ExpiresAt.ShouldBe(expected[i].ExpiresAt);
            stored[i].Document.ShouldBe(expected[i].Document);
        }
    }
}
