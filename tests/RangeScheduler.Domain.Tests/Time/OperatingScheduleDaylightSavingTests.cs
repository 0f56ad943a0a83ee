using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Time;

/// <summary>
/// Weekly windows on the days clocks change (contract <c>WeeklyWindow</c>: skipped local times
/// add nothing, repeated ones count once): a window opens when the clock first shows its start
/// and closes when the clock first shows its end. Helsinki goes from +2 to +3 at 03:00 on 29 March
/// 2026 and back at 04:00 on 25 October; New York at 02:00 on 8 March and 1 November.
/// </summary>
public class OperatingScheduleDaylightSavingTests
{
    [Theory]
    [InlineData("Europe/Helsinki", "2026-03-28", 6, 480, 1080, "2026-03-28T06:00Z/2026-03-28T16:00Z")]
    [InlineData("Europe/Helsinki", "2026-03-29", 7, 480, 1080, "2026-03-29T05:00Z/2026-03-29T15:00Z")]
    [InlineData("Europe/Helsinki", "2026-03-29", 7, 0, 1440, "2026-03-28T22:00Z/2026-03-29T21:00Z")]
    [InlineData("Europe/Helsinki", "2026-03-29", 7, 180, 240, "")]
    [InlineData("Europe/Helsinki", "2026-03-29", 7, 120, 210, "2026-03-29T00:00Z/2026-03-29T01:00Z")]
    [InlineData("Europe/Helsinki", "2026-03-29", 7, 210, 300, "2026-03-29T01:00Z/2026-03-29T02:00Z")]
    [InlineData("Europe/Helsinki", "2026-10-25", 7, 480, 1080, "2026-10-25T06:00Z/2026-10-25T16:00Z")]
    [InlineData("Europe/Helsinki", "2026-10-25", 7, 0, 1440, "2026-10-24T21:00Z/2026-10-25T22:00Z")]
    [InlineData("Europe/Helsinki", "2026-10-25", 7, 180, 210, "2026-10-25T00:00Z/2026-10-25T00:30Z")]
    // Closes when the clock first shows 04:00, which is after the repeated 03:00–04:00.
    [InlineData("Europe/Helsinki", "2026-10-25", 7, 210, 240, "2026-10-25T00:30Z/2026-10-25T02:00Z")]
    [InlineData("Europe/Helsinki", "2026-10-25", 7, 240, 300, "2026-10-25T02:00Z/2026-10-25T03:00Z")]
    [InlineData("Europe/Helsinki", "2026-10-25", 7, 120, 300, "2026-10-24T23:00Z/2026-10-25T03:00Z")]
    [InlineData("America/New_York", "2026-03-08", 7, 0, 1440, "2026-03-08T05:00Z/2026-03-09T04:00Z")]
    [InlineData("America/New_York", "2026-03-08", 7, 1080, 1440, "2026-03-08T22:00Z/2026-03-09T04:00Z")]
    [InlineData("America/New_York", "2026-11-01", 7, 0, 1440, "2026-11-01T04:00Z/2026-11-02T05:00Z")]
    [InlineData("America/New_York", "2026-03-09", 1, 1200, 1440, "2026-03-10T00:00Z/2026-03-10T04:00Z")]
    [InlineData("Asia/Shanghai", "2026-03-29", 7, 0, 1440, "2026-03-28T16:00Z/2026-03-29T16:00Z")]
    public void WindowOnAChangeDay_OpenAsTheClockShowsIt(
        string zone, string date, int isoDay, int startMinute, int endMinute, string expected)
    {
        var schedule = new OperatingSchedule([new WeeklyWindow(isoDay, startMinute, endMinute)], zone);

        var open = schedule.OpenWithin(AroundDate(date));

        open.ShouldBe(TestTimes.Intervals(expected));
    }

    [Fact]
    public void WindowsEitherSideOfTheSkippedHour_JoinedIntoOne()
    {
        var schedule = new OperatingSchedule([new(7, 0, 180), new(7, 240, 1440)], "Europe/Helsinki");

        schedule.OpenWithin(AroundDate("2026-03-29")).ShouldBe([TestTimes.Interval("2026-03-28T22:00Z/2026-03-29T21:00Z")]);
    }

    [Fact]
    public void SaturdayEveningToSundayMorningAcrossMidnight_OneWindowWhenTheClocksGoForward()
    {
        var schedule = new OperatingSchedule([new(6, 720, 1440), new(7, 0, 360)], "America/New_York");

        schedule.OpenWithin(AroundDate("2026-03-08")).ShouldBe([TestTimes.Interval("2026-03-07T17:00Z/2026-03-08T10:00Z")]);
    }

    [Fact]
    public void HelsinkiDaytimeAcrossBothChanges_ShiftsByAnHourAtEach()
    {
        var schedule = new OperatingSchedule(TestRanges.MondayToSaturdayDaytime, "Europe/Helsinki");

        var open = schedule.OpenWithin(TestTimes.Interval("2026-03-01T00:00Z/2026-11-30T00:00Z"));

        open.Where(w => w.Start < TestTimes.Utc(2026, 3, 29)).ShouldAllBe(w => w.Start.Hour == 6);
        open.Where(w => w.Start > TestTimes.Utc(2026, 3, 29) && w.Start < TestTimes.Utc(2026, 10, 25)).ShouldAllBe(w => w.Start.Hour == 5);
        open.Where(w => w.Start > TestTimes.Utc(2026, 10, 25)).ShouldAllBe(w => w.Start.Hour == 6);
        open.ShouldAllBe(w => w.Duration == TimeSpan.FromHours(10));
    }

    /// <summary>From the UTC midnight before the date to two days later: every window of that local date falls inside.</summary>
    private static TimeWindow AroundDate(string date)
    {
        var day = DateTimeOffset.Parse($"{date}T00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return new TimeWindow(day.AddDays(-1), day.AddDays(2));
    }
}
