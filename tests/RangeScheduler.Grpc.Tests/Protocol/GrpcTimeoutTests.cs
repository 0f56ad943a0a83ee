using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("300n", 3L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void ValidHeader_ParsesToTicks(string header, long ticks)
    {
        GrpcTimeout.TryParse(header, out var timeout).ShouldBeTrue();
        timeout.Ticks.ShouldBe(ticks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-5S")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    public void MalformedHeader_NotParsed(string? header) =>
        GrpcTimeout.TryParse(header, out _).ShouldBeFalse();

    [Theory]
    [InlineData(250, "250000u")]
    [InlineData(100_000, "100000m")]
    [InlineData(200_000_000, "200000S")]
    public void Format_UsesTheFinestUnitThatFitsEightDigits(long milliseconds, string expected) =>
        GrpcTimeout.Format(TimeSpan.FromMilliseconds(milliseconds)).ShouldBe(expected);

    [Fact]
    public void FormatOfPastDeadline_IsTheSmallestTimeout() =>
        GrpcTimeout.Format(TimeSpan.FromSeconds(-1)).ShouldBe("1n");

    [Fact]
    public void FormatThenParse_NeverGivesTheServerMoreTime()
    {
        var timeout = TimeSpan.FromTicks(123_456_789);
        GrpcTimeout.TryParse(GrpcTimeout.Format(timeout), out var parsed).ShouldBeTrue();
        parsed.ShouldBeGreaterThanOrEqualTo(timeout);
        (parsed - timeout).ShouldBeLessThan(TimeSpan.FromMilliseconds(1));
    }
}
