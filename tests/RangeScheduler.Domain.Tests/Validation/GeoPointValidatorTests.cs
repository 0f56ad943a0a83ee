using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class GeoPointValidatorTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(21.8325, 113.775)]
    [InlineData(-17, -179.999999)]
    public void CoordinatesWithinLimits_Accepted(double latitude, double longitude)
    {
        var errors = new ValidationErrors();

        GeoPointValidator.Validate(new GeoPoint(latitude, longitude), "p", errors).ShouldBeTrue();

        errors.IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData(90.000001, 0, "latitude")]
    [InlineData(-91, 0, "latitude")]
    [InlineData(double.NaN, 0, "latitude")]
    [InlineData(double.NegativeInfinity, 0, "latitude")]
    [InlineData(0, 180.000001, "longitude")]
    [InlineData(0, -360, "longitude")]
    [InlineData(0, double.NaN, "longitude")]
    [InlineData(0, double.PositiveInfinity, "longitude")]
    public void CoordinateOutOfRangeOrNotFinite_ViolationNamesIt(double latitude, double longitude, string named)
    {
        var errors = new ValidationErrors();

        GeoPointValidator.Validate(new GeoPoint(latitude, longitude), "p", errors).ShouldBeFalse();

        var violation = errors.Violations.ShouldHaveSingleItem();
        violation.Field.ShouldBe("p");
        violation.Description.ShouldStartWith(named);
    }

    [Fact]
    public void BothCoordinatesBad_OneViolationNamingBoth()
    {
        var errors = new ValidationErrors();

        GeoPointValidator.Validate(new GeoPoint(double.NaN, 200), "p", errors);

        var violation = errors.Violations.ShouldHaveSingleItem();
        violation.Description.ShouldContain("latitude");
        violation.Description.ShouldContain("longitude");
    }
}
