using RangeScheduler.Domain.Bookings;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests;

/// <summary><see cref="IRangeLedger"/>'s contract, run against each store by a subclass.</summary>
public abstract class RangeLedgerTests : StoreTestBase
{
    private readonly string _rangeId = TestData.NewId("range");

    [Fact]
    public async Task Decide_ManyCallersOnOneRange_OneDecisionAtATimeEachWithItsOwnSequence()
    {
        var inside = 0;
        var overlaps = 0;
        var calls = Enumerable.Range(0, 40).Select(i => Task.Run(() => Storage.Ledger.DecideAsync(_rangeId, 0, _ =>
        {
            if (Interlocked.Increment(ref inside) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }
            Thread.Sleep(1);
            Interlocked.Decrement(ref inside);
            return Write(TestData.Booking(_rangeId, TestData.Morning.AddHours(i)), i);
        }, None)));

        var results = await Task.WhenAll(calls);

        overlaps.ShouldBe(0);
        results.Select(r => r.Sequence).Order().ShouldBe(Enumerable.Range(1, 40).Select(i => (long)i));
        results.Select(r => r.Result).Order().ShouldBe(Enumerable.Range(0, 40));
        var state = await Storage.Bookings.LoadRangeStateAsync(_rangeId, None);
        state.Bookings.Count.ShouldBe(40);
        state.Sequence.ShouldBe(40);
    }

    [Fact]
    public async Task Decide_TwoRanges_DecidedInParallel()
    {
        using var otherEntered = new ManualResetEventSlim();
        var first = Task.Run(() => Storage.Ledger.DecideAsync(_rangeId, 0, _ =>
            new LedgerDecision<bool>(LedgerWrite.Nothing, otherEntered.Wait(TimeSpan.FromSeconds(10))), None));
        var second = Task.Run(() => Storage.Ledger.DecideAsync(TestData.NewId("range"), 0, _ =>
        {
            otherEntered.Set();
            return new LedgerDecision<bool>(LedgerWrite.Nothing, true);
        }, None));

        (await first).Result.ShouldBeTrue("the first range's decision waited for the second range's to start");
        (await second).Result.ShouldBeTrue();
    }

    [Fact]
    public async Task Decide_Completed_WriteSeenByAnotherInstance()
    {
        var booking = TestData.Booking(_rangeId, TestData.Morning);

        var result = await Storage.Ledger.PutAsync(booking);

        var other = await OpenAsync();
        (await other.Bookings.GetAsync(booking.Id, None)).ShouldMatch(booking);
        (await other.Bookings.LoadRangeStateAsync(_rangeId, None)).Sequence.ShouldBe(result.Sequence);
    }

    [Fact]
    public async Task Decide_NothingToWrite_AnswersAtSameSequenceAndWritesNothing()
    {
        var first = await Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning));

        var result = await Storage.Ledger.DecideAsync(_rangeId, first.Sequence, _ => new LedgerDecision<string>(LedgerWrite.Nothing, "rejected"), None);

        result.ShouldBe(new LedgerResult<string>(1, "rejected"));
        var state = await (await OpenAsync()).Bookings.LoadRangeStateAsync(_rangeId, None);
        state.Sequence.ShouldBe(1);
        state.Bookings.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Decide_AnotherInstanceLater_ContinuesTheRangeSequence()
    {
        await Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning));
        await Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning.AddHours(1)));

        var result = await (await OpenAsync()).Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning.AddHours(2)));

        result.Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task Decide_DecisionThrows_NothingWrittenAndRangeFree()
    {
        var booking = TestData.Booking(_rangeId, TestData.Morning);

        await Should.ThrowAsync<InvalidOperationException>(() =>
            Storage.Ledger.DecideAsync<bool>(_rangeId, 0, _ => throw new InvalidOperationException("rule broken"), None));

        (await Storage.Ledger.PutAsync(booking)).Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task Decide_WriteViolatingConstraint_StoreUnavailableAndNothingOfItStored()
    {
        await Storage.Ledger.PutAsync(TestData.Booking(_rangeId, TestData.Morning));
        var alongside = TestData.Booking(_rangeId, TestData.Morning.AddHours(1));
        var versionZero = TestData.Booking(_rangeId, TestData.Morning.AddHours(2)) with { Version = 0 };

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => Storage.Ledger.PutAsync(alongside, versionZero));

        // The store's own reason reaches the operator.
        error.Message.ShouldContain("check constraint", Case.Insensitive);
        var other = await OpenAsync();
        (await other.Bookings.GetAsync(alongside.Id, None)).ShouldBeNull();
        (await other.Bookings.GetAsync(versionZero.Id, None)).ShouldBeNull();
        (await other.Bookings.LoadRangeStateAsync(_rangeId, None)).Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task Decide_BookingOfAnotherRange_ArgumentExceptionAndNothingStored()
    {
        var foreign = TestData.Booking(TestData.NewId("range"), TestData.Morning);

        await Should.ThrowAsync<ArgumentException>(() => Storage.Ledger.WriteAsync(_rangeId, new LedgerWrite([foreign], [], [], [])));

        (await Storage.Bookings.GetAsync(foreign.Id, None)).ShouldBeNull();
    }

    [Fact]
    public async Task Decide_CancelledWhileRangeBusy_CancelledWithoutDeciding()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var holder = Task.Run(() => Storage.Ledger.DecideAsync(_rangeId, 0, _ =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            return new LedgerDecision<bool>(LedgerWrite.Nothing, true);
        }, None));
        entered.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var decided = false;

        await Should.ThrowAsync<OperationCanceledException>(() => Storage.Ledger.DecideAsync(_rangeId, 0, _ =>
        {
            decided = true;
            return new LedgerDecision<bool>(LedgerWrite.Nothing, true);
        }, timeout.Token));

        decided.ShouldBeFalse();
        release.Set();
        (await holder).Result.ShouldBeTrue();
    }

    private static LedgerDecision<int> Write(Booking booking, int result) => new(new LedgerWrite([booking], [], [], []), result);
}
