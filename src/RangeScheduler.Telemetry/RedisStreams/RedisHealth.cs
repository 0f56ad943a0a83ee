using Microsoft.Extensions.Logging;

namespace RangeScheduler.Telemetry.RedisStreams;

/// <summary>
/// Whether this instance last reached Redis, as the writer and the reader both find out: the
/// first failure of an outage logs one warning, the first success after it one line saying
/// Redis is back, however many calls fail or succeed in between.
/// </summary>
internal sealed class RedisHealth(ILogger logger)
{
    private int _down;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    public void Failed(Exception exception)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            RedisBusLog.RedisDown(logger, exception);
        }
    }

    public void Reached()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            RedisBusLog.RedisBack(logger);
        }
    }
}
