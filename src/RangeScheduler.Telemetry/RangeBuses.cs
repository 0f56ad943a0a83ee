using Microsoft.Extensions.Logging;
using RangeScheduler.Telemetry.InProcess;
using RangeScheduler.Telemetry.RedisStreams;

namespace RangeScheduler.Telemetry;

/// <summary>Chooses the bus from configuration: Redis Streams when <c>RangeScheduler:Redis</c> is set, the in-process bus otherwise.</summary>
public static class RangeBuses
{
    /// <param name="redisConfiguration">A StackExchange.Redis configuration string such as <c>127.0.0.1:6379</c>; null or empty: in-process.</param>
    /// <returns>The bus; dispose it (it is <see cref="IAsyncDisposable"/> when it holds connections) at shutdown.</returns>
    public static IRangeBus Create(string? redisConfiguration, RangeBusOptions options, ILoggerFactory loggers, TimeProvider time) =>
        string.IsNullOrWhiteSpace(redisConfiguration)
            ? new InProcessRangeBus(options, time)
            : new RedisRangeBus(redisConfiguration, options, loggers, time);
}
