using RangeScheduler.Domain.Slots;

namespace RangeScheduler.Domain.Tests.Slots;

/// <summary>Busy starts are open intervals: a start at an interval's end (or beginning) is free.</summary>
public class BusyStartsTests
{
    [Fact]
    public void NothingBusy_EveryGridPointFree()
    {
        new BusyStarts().FreeOnGrid(0, 50, 10).ShouldBe([0L, 10, 20, 30, 40]);
    }

    [Fact]
    public void OpenInterval_ItsEndsAreFree()
    {
        var busy = new BusyStarts();
        busy.Add(10, 30);

        busy.FreeOnGrid(0, 50, 10).ShouldBe([0L, 10, 30, 40]);
        busy.FreeOnGrid(0, 50, 5).ShouldBe([0L, 5, 10, 30, 35, 40, 45]);
    }

    [Fact]
    public void IntervalsMeetingAtAPoint_ThatPointStaysFree()
    {
        var busy = new BusyStarts();
        busy.Add(10, 20);
        busy.Add(20, 30);

        busy.FreeOnGrid(10, 31, 10).ShouldBe([10L, 20, 30]);
        busy.FreeRunStarts(10, 100).ShouldBe([10L, 20, 30]);
    }

    [Fact]
    public void OverlappingIntervals_Merged()
    {
        var busy = new BusyStarts();
        busy.Add(20, 40);
        busy.Add(10, 25);
        busy.Add(35, 50);

        busy.FreeOnGrid(0, 60, 5).ShouldBe([0L, 5, 10, 50, 55]);
        busy.FreeRunStarts(11, 100).ShouldBe([50L]);
    }

    [Fact]
    public void FreeRunStarts_FirstStartOfEachRun()
    {
        var busy = new BusyStarts();
        busy.Add(10, 20);
        busy.Add(30, 40);

        busy.FreeRunStarts(0, 100).ShouldBe([0L, 20, 40]);
        busy.FreeRunStarts(15, 100).ShouldBe([20L, 40]);
        busy.FreeRunStarts(15, 40).ShouldBe([20L]);
    }

    [Fact]
    public void Always_NoStartFree()
    {
        var busy = new BusyStarts();
        busy.Add(long.MinValue, long.MaxValue);

        busy.FreeOnGrid(0, 1000, 1).ShouldBeEmpty();
        busy.FreeRunStarts(0, 1000).ShouldBeEmpty();
    }

    [Fact]
    public void GridAlignedToItsStart_JumpsPastBusyIntervals()
    {
        var busy = new BusyStarts();
        busy.Add(0, 1001);

        busy.FreeOnGrid(7, 1100, 15).ShouldBe([1012L, 1027, 1042, 1057, 1072, 1087]);
    }

    [Theory]
    [InlineData(10, 20, 0, 11, false)]
    [InlineData(10, 20, 0, 12, true)]
    [InlineData(10, 20, 19, 30, true)]
    [InlineData(10, 20, 20, 30, false)]
    [InlineData(10, 12, 11, 12, true)]
    public void Touches_SomeStartOfTheRangeIsInside(long after, long before, long from, long to, bool touches)
    {
        BusyStarts.Touches((after, before), from, to).ShouldBe(touches);
    }
}
