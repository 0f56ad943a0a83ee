using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Domain.Tests.Validation;

public class FieldRulesTests
{
    [Theory]
    [InlineData("zhuhai-wanshan", true)]
    [InlineData("jaakonmeri", true)]
    [InlineData("Range_2.b", true)]
    [InlineData("7", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("-lead", false)]
    [InlineData(".hidden", false)]
    [InlineData("a b", false)]
    [InlineData("a/b", false)]
    [InlineData("wanshan:1", false)]
    [InlineData("wanshan\n", false)]
    [InlineData("万山", false)]
    public void Identifier_LettersDigitsDotsUnderscoresAndDashes(string? id, bool valid)
    {
        var errors = new ValidationErrors();

        FieldRules.Identifier(id, "range.id", errors).ShouldBe(valid);

        errors.Violations.Select(v => v.Field).ShouldBe(valid ? [] : ["range.id"]);
    }

    [Fact]
    public void IdentifierOf64Or65Characters_OnlyTheShorterAccepted()
    {
        var errors = new ValidationErrors();

        FieldRules.Identifier(new string('a', 64), "id", errors).ShouldBeTrue();
        FieldRules.Identifier(new string('a', 65), "id", errors).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 100, true)]
    [InlineData(-100, -50, true)]
    [InlineData(50, 50, true)]
    [InlineData(100, 0, false)]
    [InlineData(0.01, 0, false)]
    [InlineData(double.NaN, 100, false)]
    [InlineData(0, double.PositiveInfinity, false)]
    [InlineData(double.NegativeInfinity, 0, false)]
    public void VerticalBand_FiniteWithLowerAtOrBelowUpper(double lower, double upper, bool valid)
    {
        var errors = new ValidationErrors();

        FieldRules.VerticalBand(new VerticalBand(lower, upper), "volumes[0].vertical", errors).ShouldBe(valid);

        errors.Violations.Select(v => v.Field).ShouldBe(valid ? [] : ["volumes[0].vertical"]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(-0.001, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void NonNegativeMeters_FiniteAndAtLeastZero(double meters, bool valid) =>
        FieldRules.NonNegativeMeters(meters, "m", new ValidationErrors()).ShouldBe(valid);

    [Theory]
    [InlineData(0, true)]
    [InlineData(600, true)]
    [InlineData(-1, false)]
    public void NonNegativeDuration_AtLeastZero(int seconds, bool valid) =>
        FieldRules.NonNegative(TimeSpan.FromSeconds(seconds), "d", new ValidationErrors()).ShouldBe(valid);

    [Fact]
    public void VehicleKinds_EveryUnsetOrUnknownKindReportedByIndex()
    {
        var errors = new ValidationErrors();
        VehicleKind[] kinds = [VehicleKind.Uav, VehicleKind.Unspecified, VehicleKind.Uuv, (VehicleKind)4];

        FieldRules.VehicleKinds(kinds, "closure.vehicle_kinds", errors).ShouldBeFalse();

        errors.Violations.Select(v => v.Field).ShouldBe(["closure.vehicle_kinds[1]", "closure.vehicle_kinds[3]"]);
    }
}
