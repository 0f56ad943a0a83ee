using System.Diagnostics;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Storage.Sqlite;
using RangeScheduler.Storage.Tests.Support;
using Xunit.Abstractions;

namespace RangeScheduler.Storage.Tests.Sqlite;

/// <summary>The SQLite ledger's group commit: many decisions on one contended range share each commit.</summary>
public sealed class SqliteGroupCommitTests(SqliteFile file, ITestOutputHelper output) : StoreTestBase, IClassFixture<SqliteFile>
{
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(file.ConnectionString);

    [Fact]
    public async Task Decide_ManyCallersOnOneRange_CommitsCarrySeveralDecisions()
    {
        const int callers = 64;
        const int decisionsEach = 50;
        var rangeId = TestData.NewId("range");
        var committer = ((SqliteStorage)Storage).Committer;
        var stopwatch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < decisionsEach; i++)
            {
                var booking = TestData.Booking(rangeId, TestData.Morning.AddMinutes(caller * decisionsEach + i));
                var key = new IdempotencyRecord(booking.OrganizationId, booking.Id, "hash", booking.Id, TestData.Morning);
                await Storage.Ledger.DecideAsync(rangeId, 0, _ => new LedgerDecision<bool>(new LedgerWrite([booking], [], [], [key]), true), None);
            }
        })));

        stopwatch.Stop();
        output.WriteLine($"{committer.Writes} decisions in {committer.Commits} commits " +
                         $"({(double)committer.Writes / committer.Commits:0.0} a commit), {committer.Writes / stopwatch.Elapsed.TotalSeconds:0}/s");
        committer.Writes.ShouldBe(callers * decisionsEach);
        committer.Commits.ShouldBeLessThanOrEqualTo(committer.Writes / 2);
        (await Storage.Bookings.LoadRangeStateAsync(rangeId, None)).Bookings.Count.ShouldBe(callers * decisionsEach);
    }

    [Fact]
    public async Task Decide_OneCallerAtATime_OneCommitEach()
    {
        var rangeId = TestData.NewId("range");
        var committer = ((SqliteStorage)Storage).Committer;

        for (var i = 0; i < 3; i++)
        {
            await Storage.Ledger.PutAsync(TestData.Booking(rangeId, TestData.Morning.AddHours(i)));
        }

        committer.Commits.ShouldBe(3);
        committer.Writes.ShouldBe(3);
    }

    [Fact]
    public async Task Decide_NothingToWrite_NoCommit()
    {
        var committer = ((SqliteStorage)Storage).Committer;

        await Storage.Ledger.DecideAsync(TestData.NewId("range"), 0, _ => new LedgerDecision<bool>(LedgerWrite.Nothing, false), None);

        committer.Commits.ShouldBe(0);
    }

    [Fact]
    public async Task Decide_AnyKnownSequence_NoChangesFromOthersAtCurrentSequence()
    {
        var rangeId = TestData.NewId("range");
        await Storage.Ledger.PutAsync(TestData.Booking(rangeId, TestData.Morning));
        await Storage.Ledger.PutAsync(TestData.Booking(rangeId, TestData.Morning.AddHours(1)));
        RangeChanges? seen = null;

        await Storage.Ledger.DecideAsync(rangeId, 0, changes =>
        {
            seen = changes;
            return new LedgerDecision<bool>(LedgerWrite.Nothing, true);
        }, None);

        seen!.IsEmpty.ShouldBeTrue();
        seen.Sequence.ShouldBe(2);
    }
}
