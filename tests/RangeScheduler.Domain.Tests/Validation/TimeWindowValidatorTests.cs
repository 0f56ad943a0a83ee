using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class TimeWindowValidatorTests
{
    private static readonly DateTimeOffset Now = TestTimes.Now;

    [Theory]
    [InlineData(1, 2)]
    [InlineData(-1, 0.01)]
    [InlineData(719, 720)]
    [InlineData(719.99, 720)]
    [InlineData(0, 24)]
    public void BookableWindow_Accepted(double fromHours, double toHours)
    {
        var errors = new ValidationErrors();

        TimeWindowValidator.ValidateBookable(TestTimes.Hours(fromHours, toHours), "w", Now, errors).ShouldBeTrue();

        errors.IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData(719, 721)]
    [InlineData(1, 24 * 365 * 100)]
    public void WindowEndingBeyondTheHorizon_RejectedNamingTheEnd(double fromHours, double toHours)
    {
        var errors = new ValidationErrors();

        TimeWindowValidator.ValidateBookable(TestTimes.Hours(fromHours, toHours), "w", Now, errors).ShouldBeFalse();

        errors.Violations.ShouldHaveSingleItem().Description.ShouldContain("ends at");
    }

    [Theory]
    [InlineData(2, 1, "not before")]
    [InlineData(1, 1, "not before")]
    [InlineData(-2, -1, "ended")]
    [InlineData(-2, 0, "ended")]
    [InlineData(720.01, 721, "more than 30 days")]
    [InlineData(1000, 1001, "more than 30 days")]
    public void WindowReversedEndedOrTooFarAhead_ViolationAtTheWindow(double fromHours, double toHours, string reason)
    {
        var errors = new ValidationErrors();

        TimeWindowValidator.ValidateBookable(TestTimes.Hours(fromHours, toHours), "w", Now, errors).ShouldBeFalse();

        var violation = errors.Violations.ShouldHaveSingleItem();
        violation.Field.ShouldBe("w");
        violation.Description.ShouldContain(reason);
    }

    [Theory]
    [InlineData(true, false, "end is required")]
    [InlineData(false, true, "start is required")]
    [InlineData(false, false, "is required")]
    public void OneOrBothEndsUnset_ViolationAtTheWindow(bool startSet, bool endSet, string description)
    {
        var window = new TimeWindow(startSet ? Now.AddHours(1) : default, endSet ? Now.AddHours(2) : default);
        var errors = new ValidationErrors();

        TimeWindowValidator.ValidateBookable(window, "w", Now, errors).ShouldBeFalse();

        var violation = errors.Violations.ShouldHaveSingleItem();
        violation.Field.ShouldBe("w");
        violation.Description.ShouldStartWith(description);
    }

    [Fact]
    public void NotEndedButFarAhead_AcceptedWithoutTheHorizon()
    {
        var errors = new ValidationErrors();

        TimeWindowValidator.ValidateNotEnded(TestTimes.Hours(24 * 90, 24 * 91), "w", Now, errors).ShouldBeTrue();
    }

    [Fact]
    public void EndedWindow_AcceptedWhenOnlyItsShapeIsChecked()
    {
        var errors = new ValidationErrors();

        TimeWindowValidator.Validate(TestTimes.Hours(-48, -47), "w", errors).ShouldBeTrue();
    }
}
