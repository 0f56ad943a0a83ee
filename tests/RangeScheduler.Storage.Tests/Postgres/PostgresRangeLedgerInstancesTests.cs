using System.Collections.Concurrent;
using System.Diagnostics;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Postgres;

/// <summary>
/// Two server instances on one database — two storages with their own connection pools —
/// deciding on the same range (DESIGN.md, "Serialisation").
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRangeLedgerInstancesTests(PostgresFixture postgres) : StoreTestBase
{
    private readonly string _rangeId = TestData.NewId("range");

    protected override Task<string> ConnectionStringAsync() => postgres.DatabaseFor(GetType());

    [Fact]
    public async Task Decide_TwoInstancesOnOneRange_NeverInterleaveAndEachSeesTheOthersBookings()
    {
        var instances = new[] { Storage, await OpenAsync() };
        var clock = Stopwatch.StartNew();
        var spans = new ConcurrentBag<(TimeSpan Enter, TimeSpan Exit)>();

        var books = await Task.WhenAll(instances.Select(instance => Task.Run(async () =>
        {
            // What the instance's in-memory book would hold: its own bookings and those the ledger reports.
            var known = new HashSet<string>();
            var sequence = 0L;
            for (var i = 0; i < 8; i++)
            {
                var booking = TestData.Booking(_rangeId, TestData.Morning.AddHours(i));
                var result = await instance.Ledger.DecideAsync(_rangeId, sequence, changes =>
                {
                    var enter = clock.Elapsed;
                    known.UnionWith(changes.Bookings.Select(b => b.Id));
                    Thread.Sleep(15);
                    spans.Add((enter, clock.Elapsed));
                    return new LedgerDecision<bool>(new LedgerWrite([booking], [], [], []), true);
                }, None);
                known.Add(booking.Id);
                sequence = result.Sequence;
            }
            await instance.Ledger.DecideAsync(_rangeId, sequence, changes =>
            {
                known.UnionWith(changes.Bookings.Select(b => b.Id));
                return new LedgerDecision<bool>(LedgerWrite.Nothing, true);
            }, None);
            return known;
        })));

        var ordered = spans.OrderBy(s => s.Enter).ToList();
        ordered.Zip(ordered.Skip(1)).ShouldAllBe(pair => pair.Second.Enter >= pair.First.Exit);
        var stored = (await Storage.Bookings.LoadRangeStateAsync(_rangeId, None)).Bookings.Select(b => b.Id).ToHashSet();
        stored.Count.ShouldBe(16);
        books.ShouldAllBe(book => book.SetEquals(stored));
    }

    [Fact]
    public async Task Decide_ClosuresChangedByTheOtherInstance_SeenAddedThenRemovedThenAddedAgain()
    {
        var other = await OpenAsync();
        var closure = TestData.Closure(_rangeId, TestData.Morning);

        var added = await Storage.Ledger.AddClosuresAsync(closure);
        var afterAdd = await ChangesSeenBy(other, 0);
        var removed = await Storage.Ledger.RemoveClosureAsync(_rangeId, closure.Id);
        var afterRemove = await ChangesSeenBy(other, added.Sequence);
        await Storage.Ledger.AddClosuresAsync(closure with { Reason = "Again" });
        var afterAddAgain = await ChangesSeenBy(other, removed.Sequence);

        afterAdd.AddedClosures.ShouldMatch([closure]);
        afterAdd.RemovedClosureIds.ShouldBeEmpty();
        afterRemove.AddedClosures.ShouldBeEmpty();
        afterRemove.RemovedClosureIds.ShouldBe([closure.Id]);
        afterAddAgain.AddedClosures.Single().Reason.ShouldBe("Again");
        afterAddAgain.RemovedClosureIds.ShouldBeEmpty();
        afterAddAgain.Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task Decide_BookingChangedByTheOtherInstance_SeenAsItNowIs()
    {
        var booking = TestData.Booking(_rangeId, TestData.Morning);
        var first = await Storage.Ledger.PutAsync(booking);
        await Storage.Ledger.PutAsync(booking with { State = BookingState.Cancelled, Version = 2 });

        var changes = await ChangesSeenBy(await OpenAsync(), first.Sequence);

        changes.Bookings.Single().State.ShouldBe(BookingState.Cancelled);
        changes.Sequence.ShouldBe(2);
    }

    [Fact]
    public async Task Decide_KnownSequenceIsCurrent_NoChanges()
    {
        var written = await Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning));

        var changes = await ChangesSeenBy(await OpenAsync(), written.Sequence);

        changes.IsEmpty.ShouldBeTrue();
        changes.Sequence.ShouldBe(written.Sequence);
    }

    private async Task<RangeChanges> ChangesSeenBy(RangeStorage instance, long knownSequence) =>
        (await instance.Ledger.DecideAsync(_rangeId, knownSequence, changes => new LedgerDecision<RangeChanges>(LedgerWrite.Nothing, changes), None)).Result;
}
