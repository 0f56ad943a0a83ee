using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Sqlite;

/// <summary>
/// What the SQLite ledger does when a group commit fails: the decisions of the batch fail,
/// and so does every later decision on the range until its state is loaded again, since the
/// caller's in-memory state may hold the failed write.
/// </summary>
public sealed class SqliteRangeLedgerFailureTests(SqliteFile file) : StoreTestBase, IClassFixture<SqliteFile>
{
    private readonly string _rangeId = TestData.NewId("range");

    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);

    [Fact]
    public async Task FailedCommit_RangeRefusesDecisionsUntilStateLoaded()
    {
        await Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning));
        await Should.ThrowAsync<StoreUnavailableException>(() =>
            Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning.AddHours(1)) with { Version = 0 }));
        var next = TestData.Booking(_rangeId, TestData.Morning.AddHours(2));

        (await Should.ThrowAsync<StoreUnavailableException>(() => Storage.Ledger.PutAsync(next))).Message.ShouldContain("load the range's state");
        var state = await Storage.Bookings.LoadRangeStateAsync(_rangeId, None);
        var result = await Storage.Ledger.PutAsync(next);

        state.Sequence.ShouldBe(1);
        result.Sequence.ShouldBe(2);
    }

    [Fact]
    public async Task FailedCommit_OtherRangesUnaffected()
    {
        await Should.ThrowAsync<StoreUnavailableException>(() =>
            Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning) with { Version = 0 }));

        var other = await Storage.Ledger.PutAsync(TestData.Booking(TestData.NewId("range"), TestData.Morning));

        other.Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task FailedCommit_DecisionTakenWhileItWasQueued_FailsAndIsNotStored()
    {
        // Both are decided before the first commit ends: the second on state holding the first.
        var failing = Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning) with { Version = 0 });
        var following = TestData.Booking(_rangeId, TestData.Morning.AddHours(1));
        var dependent = Storage.Ledger.PutAsync(following);

        await Should.ThrowAsync<StoreUnavailableException>(() => failing);
        await Should.ThrowAsync<StoreUnavailableException>(() => dependent);

        (await Storage.Bookings.GetAsync(following.Id, None)).ShouldBeNull();
        (await Storage.Bookings.LoadRangeStateAsync(_rangeId, None)).Sequence.ShouldBe(0);
    }

    [Fact]
    public async Task WriteThatCannotBeStoredAsRows_FailsAsStoreUnavailable_NothingStored()
    {
        // Its rows are mapped by the deciding caller and by the committer: the failure is the
        // committer's, as for any write it cannot store.
        var booking = TestData.Booking(_rangeId, TestData.Morning) with { Volumes = [] };

        var failure = await Should.ThrowAsync<StoreUnavailableException>(() => Storage.Ledger.PutAsync(booking));

        failure.Message.ShouldContain("has no volume");
        (await Storage.Bookings.GetAsync(booking.Id, None)).ShouldBeNull();
        (await Storage.Bookings.LoadRangeStateAsync(_rangeId, None)).Sequence.ShouldBe(0);
    }

    [Fact]
    public async Task Decide_NothingToWriteAfterQueuedWriteFails_FailsWithIt()
    {
        var failing = Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning) with { Version = 0 });

        var answer = Storage.Ledger.DecideAsync(_rangeId, 0, _ => new LedgerDecision<bool>(LedgerWrite.Nothing, true), None);

        await Should.ThrowAsync<StoreUnavailableException>(() => failing);
        await Should.ThrowAsync<StoreUnavailableException>(() => answer);
    }
}
