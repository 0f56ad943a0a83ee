using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Time;

public class TimeWindowTests
{
    private static readonly TimeWindow TenToEleven = TestTimes.Hours(10, 11);

    [Theory]
    [InlineData(9, 10, false)]
    [InlineData(11, 12, false)]
    [InlineData(9, 10.01, true)]
    [InlineData(10.99, 12, true)]
    [InlineData(10.2, 10.4, true)]
    [InlineData(8, 13, true)]
    public void HalfOpenWindows_OverlapOnlyWhenTheyShareTime(double from, double to, bool overlaps)
    {
        TenToEleven.Overlaps(TestTimes.Hours(from, to)).ShouldBe(overlaps);
        TestTimes.Hours(from, to).Overlaps(TenToEleven).ShouldBe(overlaps);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(10.5, true)]
    [InlineData(11, false)]
    [InlineData(9.99, false)]
    public void Instant_ContainedFromStartUpToButNotIncludingEnd(double hours, bool contained) =>
        TenToEleven.Contains(TestTimes.Now.AddHours(hours)).ShouldBe(contained);

    [Fact]
    public void Intersect_CommonPartOrNullWhenOnlyTouching()
    {
        TenToEleven.Intersect(TestTimes.Hours(10.5, 12)).ShouldBe(TestTimes.Hours(10.5, 11));
        TenToEleven.Intersect(TestTimes.Hours(11, 12)).ShouldBeNull();
    }

    [Fact]
    public void WidenAndShift_MoveTheEnds()
    {
        TenToEleven.Widen(TimeSpan.FromMinutes(30)).ShouldBe(TestTimes.Hours(9.5, 11.5));
        TenToEleven.Shift(TimeSpan.FromHours(-2)).ShouldBe(TestTimes.Hours(8, 9));
        TenToEleven.Duration.ShouldBe(TimeSpan.FromHours(1));
    }
}
