using RangeScheduler.Grpc.Server;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class ServerCallDeadlineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deadline_IsNowPlusTimeout()
    {
        var time = new ManualTimeProvider(Start);
        using var deadline = new ServerCallDeadline(time, TimeSpan.FromSeconds(3), () => { });
        deadline.Deadline.ShouldBe(Start.UtcDateTime.AddSeconds(3));
    }

    [Fact]
    public void TimeoutPasses_ExpiresOnceAtTheDeadline()
    {
        var time = new ManualTimeProvider(Start);
        var expired = 0;
        using var deadline = new ServerCallDeadline(time, TimeSpan.FromMilliseconds(200), () => expired++);

        time.Advance(TimeSpan.FromMilliseconds(199));
        expired.ShouldBe(0);
        time.Advance(TimeSpan.FromMilliseconds(1));
        expired.ShouldBe(1);
        time.Advance(TimeSpan.FromSeconds(10));
        expired.ShouldBe(1);
    }

    [Fact]
    public void DisposedBeforeTheDeadline_NeverExpires()
    {
        var time = new ManualTimeProvider(Start);
        var expired = false;
        new ServerCallDeadline(time, TimeSpan.FromSeconds(1), () => expired = true).Dispose();
        time.Advance(TimeSpan.FromSeconds(2));
        expired.ShouldBeFalse();
    }

    [Fact]
    public void TimeoutBeyondTheLongestTimer_DeadlineKeptWithoutATimer()
    {
        var time = new ManualTimeProvider(Start);
        using var deadline = new ServerCallDeadline(time, TimeSpan.FromDays(1000), () => throw new InvalidOperationException());
        deadline.Deadline.ShouldBe(Start.UtcDateTime.AddDays(1000));
        time.Advance(TimeSpan.FromDays(2000));
    }
}
