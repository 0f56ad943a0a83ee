using Microsoft.Extensions.Logging.Abstractions;
using RangeScheduler.Telemetry.RedisStreams;
using RangeScheduler.Telemetry.Tests.Support;

namespace RangeScheduler.Telemetry.Tests.RedisStreams;

/// <summary>The shared behaviour on a real redis-server: publishing and watching through one bus instance.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisRangeBusTests(RedisFixture redis) : RangeBusTestsBase
{
    protected override IRangeBus Create(RangeBusOptions options) =>
        RangeBuses.Create(redis.Server.Configuration, options, NullLoggerFactory.Instance, TimeProvider.System);

    [Fact]
    public void Create_WithRedisConfiguration_RedisBus() => NewBus().ShouldBeOfType<RedisRangeBus>();
}
