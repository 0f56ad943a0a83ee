using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class WeeklyWindowValidatorTests
{
    [Theory]
    [InlineData(1, 480, 1080)]
    [InlineData(7, 0, 1440)]
    [InlineData(3, 0, 1)]
    [InlineData(6, 1439, 1440)]
    public void DayAndMinutesWithinTheDay_Accepted(int day, int start, int end)
    {
        var errors = new ValidationErrors();

        WeeklyWindowValidator.Validate(new WeeklyWindow(day, start, end), "w", errors).ShouldBeTrue();

        errors.IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, 480, 1080)]
    [InlineData(8, 480, 1080)]
    [InlineData(1, 600, 600)]
    [InlineData(1, 700, 600)]
    [InlineData(1, -1, 600)]
    [InlineData(1, 0, 1441)]
    [InlineData(1, 1380, 1500)]
    public void DayOutsideTheWeekOrMinutesOutsideTheDay_ViolationAtTheWindow(int day, int start, int end)
    {
        var errors = new ValidationErrors();

        WeeklyWindowValidator.Validate(new WeeklyWindow(day, start, end), "w", errors).ShouldBeFalse();

        errors.Violations.ShouldHaveSingleItem().Field.ShouldBe("w");
    }

    [Fact]
    public void ListWithTwoBadWindows_BothReportedByIndex()
    {
        var errors = new ValidationErrors();
        WeeklyWindow[] windows = [new(1, 480, 1080), new(9, 480, 1080), new(2, 480, 1080), new(3, 1080, 480)];

        WeeklyWindowValidator.ValidateAll(windows, "range.operating_hours", errors).ShouldBeFalse();

        errors.Violations.Select(v => v.Field).ShouldBe(["range.operating_hours[1]", "range.operating_hours[3]"]);
    }
}
