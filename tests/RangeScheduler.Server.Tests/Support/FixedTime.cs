namespace RangeScheduler.Server.Tests.Support;

/// <summary>A clock stopped at one instant, for parts that take a <see cref="TimeProvider"/>.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
