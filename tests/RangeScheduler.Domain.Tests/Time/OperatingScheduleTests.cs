using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Time;

public class OperatingScheduleTests
{
    private static readonly OperatingSchedule Wanshan = new(TestRanges.MondayToSaturdayDaytime, "Asia/Shanghai");

    [Fact]
    public void WanshanWeek_OpenMondayToSaturdayEightToSixLocal()
    {
        var week = TestTimes.Interval("2026-03-02T00:00+08:00/2026-03-09T00:00+08:00");

        Wanshan.OpenWithin(week).ShouldBe(TestTimes.Intervals(
            "2026-03-02T00:00Z/2026-03-02T10:00Z 2026-03-03T00:00Z/2026-03-03T10:00Z 2026-03-04T00:00Z/2026-03-04T10:00Z " +
            "2026-03-05T00:00Z/2026-03-05T10:00Z 2026-03-06T00:00Z/2026-03-06T10:00Z 2026-03-07T00:00Z/2026-03-07T10:00Z"));
        Wanshan.ClosedWithin(week).Count.ShouldBe(7);
        Wanshan.ClosedWithin(week)[^1].ShouldBe(TestTimes.Interval("2026-03-07T10:00Z/2026-03-08T16:00Z"));
    }

    [Fact]
    public void ShanghaiAllYear_EveryWindowAtTheSameUtcHours()
    {
        var year = TestTimes.Interval("2026-01-01T00:00+08:00/2027-01-01T00:00+08:00");

        var open = Wanshan.OpenWithin(year);

        open.Count.ShouldBe(313);
        open.ShouldAllBe(w => w.Start.TimeOfDay == TimeSpan.Zero && w.Duration == TimeSpan.FromHours(10));
    }

    [Theory]
    [InlineData("2026-03-02T09:00+08:00/2026-03-02T10:00+08:00", true)]
    [InlineData("2026-03-02T08:00+08:00/2026-03-02T18:00+08:00", true)]
    [InlineData("2026-03-07T17:59+08:00/2026-03-07T18:00+08:00", true)]
    [InlineData("2026-03-02T07:59+08:00/2026-03-02T09:00+08:00", false)]
    [InlineData("2026-03-02T17:30+08:00/2026-03-02T18:01+08:00", false)]
    [InlineData("2026-03-08T10:00+08:00/2026-03-08T11:00+08:00", false)]
    [InlineData("2026-03-02T17:00+08:00/2026-03-03T09:00+08:00", false)]
    [InlineData("2026-03-02T10:00+08:00/2026-03-02T10:00+08:00", true)]
    public void WanshanWindow_CoveredOnlyWhenOpenThroughout(string window, bool covered) =>
        Wanshan.Covers(TestTimes.Interval(window)).ShouldBe(covered);

    [Fact]
    public void MondayMorningToTuesdayMorning_ClosedBeforeOpeningAndOvernight()
    {
        var window = TestTimes.Interval("2026-03-02T06:00+08:00/2026-03-03T10:00+08:00");

        Wanshan.ClosedWithin(window).ShouldBe(TestTimes.Intervals(
            "2026-03-01T22:00Z/2026-03-02T00:00Z 2026-03-02T10:00Z/2026-03-03T00:00Z"));
    }

    [Fact]
    public void OverlappingAndTouchingWindows_JoinedIntoOne()
    {
        var schedule = new OperatingSchedule([new(1, 480, 720), new(1, 600, 900), new(1, 900, 1080)], "Asia/Shanghai");

        schedule.OpenWithin(TestTimes.Interval("2026-03-02T00:00+08:00/2026-03-03T00:00+08:00"))
            .ShouldBe([TestTimes.Interval("2026-03-02T08:00+08:00/2026-03-02T18:00+08:00")]);
    }

    [Fact]
    public void NoWindows_AlwaysOpen()
    {
        var schedule = new OperatingSchedule([], "Europe/Helsinki");
        var window = TestTimes.Hours(0, 24 * 30);

        schedule.IsAlwaysOpen.ShouldBeTrue();
        schedule.Covers(window).ShouldBeTrue();
        schedule.OpenWithin(window).ShouldBe([window]);
        schedule.ClosedWithin(window).ShouldBeEmpty();
    }

    [Fact]
    public void EveryDayMidnightToMidnightInPieces_AlwaysOpen()
    {
        var windows = Enumerable.Range(1, 7).SelectMany(day => new WeeklyWindow[] { new(day, 0, 720), new(day, 720, 1440) }).ToList();

        new OperatingSchedule(windows, "Europe/Helsinki").IsAlwaysOpen.ShouldBeTrue();
        Wanshan.IsAlwaysOpen.ShouldBeFalse();
    }

    [Fact]
    public void EmptyWindow_CoveredWithNothingOpenOrClosed()
    {
        var empty = TestTimes.Hours(5, 5);

        Wanshan.Covers(empty).ShouldBeTrue();
        Wanshan.OpenWithin(empty).ShouldBeEmpty();
        Wanshan.ClosedWithin(empty).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("China Standard Time")]
    public void UnknownOrNonIanaTimeZone_ArgumentException(string zone) =>
        Should.Throw<ArgumentException>(() => new OperatingSchedule([], zone)).ParamName.ShouldBe("timeZoneId");

    [Theory]
    [InlineData(0, 480, 1080)]
    [InlineData(1, 1080, 480)]
    [InlineData(1, 0, 1441)]
    public void MalformedWindow_ArgumentException(int day, int start, int end) =>
        Should.Throw<ArgumentException>(() => new OperatingSchedule([new WeeklyWindow(day, start, end)], "Asia/Shanghai"))
            .ParamName.ShouldBe("windows");

    [Fact]
    public void ThirtyDayQueriesRepeated_FastAndTheSameFromManyThreads()
    {
        var schedule = new OperatingSchedule(TestRanges.MondayToSaturdayDaytime, "Europe/Helsinki");
        var month = TestTimes.Interval("2026-03-15T00:00Z/2026-04-14T00:00Z");
        var expected = schedule.OpenWithin(month);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Parallel.For(0, 20_000, i => schedule.OpenWithin(month.Shift(TimeSpan.FromMinutes(i % 7))));

        clock.Stop();
        expected.Count.ShouldBe(25);
        schedule.OpenWithin(month).ShouldBe(expected);
        clock.ElapsedMilliseconds.ShouldBeLessThan(5_000);
    }

    [Theory]
    [InlineData("2026-03-02T07:59:59+08:00", false)]
    [InlineData("2026-03-02T08:00+08:00", true)]
    [InlineData("2026-03-02T17:59:59+08:00", true)]
    [InlineData("2026-03-02T18:00+08:00", false)]
    [InlineData("2026-03-08T12:00+08:00", false)]
    public void WanshanHours_OpenAtAnInstantOnlyWithinAWindow(string instant, bool open)
    {
        var schedule = new OperatingSchedule(TestRanges.MondayToSaturdayDaytime, "Asia/Shanghai");

        schedule.IsOpenAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(open, instant);
    }
}
