using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Time;

public class WallClockTests
{
    [Theory]
    [InlineData("Europe/Helsinki", "2026-03-29T02:59", "2026-03-29T00:59Z")]
    [InlineData("Europe/Helsinki", "2026-03-29T03:00", "2026-03-29T01:00Z")]
    [InlineData("Europe/Helsinki", "2026-03-29T03:30", "2026-03-29T01:00Z")]
    [InlineData("Europe/Helsinki", "2026-03-29T04:00", "2026-03-29T01:00Z")]
    [InlineData("Europe/Helsinki", "2026-03-29T04:01", "2026-03-29T01:01Z")]
    [InlineData("Europe/Helsinki", "2026-10-25T02:59", "2026-10-24T23:59Z")]
    [InlineData("Europe/Helsinki", "2026-10-25T03:00", "2026-10-25T00:00Z")]
    [InlineData("Europe/Helsinki", "2026-10-25T03:59", "2026-10-25T00:59Z")]
    [InlineData("Europe/Helsinki", "2026-10-25T04:00", "2026-10-25T02:00Z")]
    [InlineData("America/New_York", "2026-03-08T02:30", "2026-03-08T07:00Z")]
    [InlineData("America/New_York", "2026-11-01T01:30", "2026-11-01T05:30Z")]
    [InlineData("Asia/Shanghai", "2026-03-29T03:30", "2026-03-28T19:30Z")]
    // Lord Howe Island moves its clocks by half an hour: 02:00 → 02:30 at 15:00 UTC the day before.
    [InlineData("Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-03T15:30Z")]
    public void LocalTime_FirstInstantTheClockShowsIt(string zone, string local, string expected)
    {
        var clock = new WallClock(TimeZoneInfo.FindSystemTimeZoneById(zone));

        var instant = clock.FirstInstantShowing(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));

        instant.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        instant.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void EveryMinuteAcrossBothHelsinkiChanges_NeverGoesBack()
    {
        var clock = new WallClock(TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki"));

        foreach (var day in new[] { new DateTime(2026, 3, 29), new DateTime(2026, 10, 25) })
        {
            var previous = DateTimeOffset.MinValue;
            for (var minute = 0; minute <= 1440; minute++)
            {
                var instant = clock.FirstInstantShowing(day.AddMinutes(minute));
                instant.ShouldBeGreaterThanOrEqualTo(previous);
                previous = instant;
            }
        }
    }
}
