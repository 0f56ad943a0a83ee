using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class ValidationErrorsTests
{
    [Fact]
    public void NothingAdded_ThrowIfAnyDoesNotThrow()
    {
        var errors = new ValidationErrors();

        Should.NotThrow(errors.ThrowIfAny);
        errors.IsEmpty.ShouldBeTrue();
        errors.Count.ShouldBe(0);
    }

    [Fact]
    public void SeveralAdded_OneExceptionListingAllInOrder()
    {
        var errors = new ValidationErrors();
        errors.Add("vehicles[0].id", "is required");
        errors.Add("volumes[1].footprint.polygon.exterior.points[3]", "latitude 91 is not a number within [-90, 90]");
        errors.Add("volumes[0].window", "start is not before end");

        var error = Should.Throw<InvalidRequestException>(errors.ThrowIfAny);

        error.Violations.Select(v => v.Field).ShouldBe(
            ["vehicles[0].id", "volumes[1].footprint.polygon.exterior.points[3]", "volumes[0].window"]);
        error.Message.ShouldBe(
            "vehicles[0].id: is required; volumes[1].footprint.polygon.exterior.points[3]: latitude 91 is not a number within [-90, 90]; " +
            "volumes[0].window: start is not before end");
    }

    [Fact]
    public void AddedAfterThrowing_EarlierExceptionUnchanged()
    {
        var errors = new ValidationErrors();
        errors.Add("vehicles", "at least one vehicle is required");
        var error = Should.Throw<InvalidRequestException>(errors.ThrowIfAny);

        errors.Add("volumes", "at least one volume is required");

        error.Violations.Count.ShouldBe(1);
        errors.Count.ShouldBe(2);
    }
}
