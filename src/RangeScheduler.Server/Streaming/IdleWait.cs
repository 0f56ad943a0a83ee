using System.Threading.Channels;

namespace RangeScheduler.Server.Streaming;

/// <summary>How a server stream waits for its next events, so that it can send a heartbeat when there are none.</summary>
internal static class IdleWait
{
    /// <summary>True when items are waiting; false when <paramref name="interval"/> passed without any; null when the channel is complete.</summary>
    /// <remarks>A channel completed with an error rethrows it here, for the caller to map.</remarks>
    public static async Task<bool?> ForItemsAsync<T>(ChannelReader<T> reader, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var more = await reader.WaitToReadAsync(cancellationToken).AsTask().WaitAsync(interval, time, cancellationToken).ConfigureAwait(false);
            return more ? true : null;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
