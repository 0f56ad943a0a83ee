using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Time;

public class TimeWindowsTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("2026-03-02T01:00Z/2026-03-02T02:00Z", "2026-03-02T01:00Z/2026-03-02T02:00Z")]
    [InlineData("2026-03-02T01:00Z/2026-03-02T03:00Z 2026-03-02T02:00Z/2026-03-02T04:00Z", "2026-03-02T01:00Z/2026-03-02T04:00Z")]
    [InlineData("2026-03-02T01:00Z/2026-03-02T02:00Z 2026-03-02T02:00Z/2026-03-02T03:00Z", "2026-03-02T01:00Z/2026-03-02T03:00Z")]
    [InlineData("2026-03-02T01:00Z/2026-03-02T05:00Z 2026-03-02T02:00Z/2026-03-02T03:00Z", "2026-03-02T01:00Z/2026-03-02T05:00Z")]
    [InlineData("2026-03-02T05:00Z/2026-03-02T06:00Z 2026-03-02T01:00Z/2026-03-02T02:00Z",
        "2026-03-02T01:00Z/2026-03-02T02:00Z 2026-03-02T05:00Z/2026-03-02T06:00Z")]
    [InlineData("2026-03-02T03:00Z/2026-03-02T03:00Z 2026-03-02T05:00Z/2026-03-02T04:00Z", "")]
    public void Merge_AscendingDisjointUnion(string windows, string expected) =>
        TimeWindows.Merge(TestTimes.Intervals(windows)).ShouldBe(TestTimes.Intervals(expected));

    [Theory]
    [InlineData("", "2026-03-02T00:00Z/2026-03-03T00:00Z")]
    [InlineData("2026-03-02T08:00Z/2026-03-02T18:00Z", "2026-03-02T00:00Z/2026-03-02T08:00Z 2026-03-02T18:00Z/2026-03-03T00:00Z")]
    [InlineData("2026-03-01T08:00Z/2026-03-02T02:00Z 2026-03-02T22:00Z/2026-03-03T02:00Z", "2026-03-02T02:00Z/2026-03-02T22:00Z")]
    [InlineData("2026-03-01T00:00Z/2026-03-04T00:00Z", "")]
    [InlineData("2026-03-01T00:00Z/2026-03-01T05:00Z 2026-03-04T00:00Z/2026-03-05T00:00Z", "2026-03-02T00:00Z/2026-03-03T00:00Z")]
    public void Complement_GapsWithinTheWindow(string busy, string expected) =>
        TimeWindows.Complement(TestTimes.Intervals(busy), TestTimes.Interval("2026-03-02T00:00Z/2026-03-03T00:00Z"))
            .ShouldBe(TestTimes.Intervals(expected));

    [Fact]
    public void AppendMergingOutOfOrderEnd_KeepsTheLaterEnd()
    {
        var windows = new List<TimeWindow> { TestTimes.Interval("2026-03-02T01:00Z/2026-03-02T05:00Z") };

        TimeWindows.AppendMerging(windows, TestTimes.Interval("2026-03-02T02:00Z/2026-03-02T03:00Z"));
        TimeWindows.AppendMerging(windows, TestTimes.Interval("2026-03-02T06:00Z/2026-03-02T06:00Z"));

        windows.ShouldBe([TestTimes.Interval("2026-03-02T01:00Z/2026-03-02T05:00Z")]);
    }
}
