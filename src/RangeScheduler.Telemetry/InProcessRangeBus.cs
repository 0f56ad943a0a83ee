using System.Globalization;
using System.Threading.Channels;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Telemetry;

/// <summary>
/// The embedded default bus: events reach the watchers in this process only. Each range
/// numbers its events, and the number is the event's cursor.
/// </summary>
public sealed class InProcessRangeBus(int watcherQueue = InProcessRangeBus.DefaultWatcherQueue) : IRangeBus
{
    public const int DefaultWatcherQueue = 65_536;

    private readonly object _lock = new();
    private readonly Dictionary<string, RangeTopic> _topics = new(StringComparer.Ordinal);

    public void Publish(string rangeId, RangeEvent rangeEvent)
    {
        lock (_lock)
        {
            var topic = Topic(rangeId);
            rangeEvent.Cursor = (++topic.Sequence).ToString(CultureInfo.InvariantCulture);
            for (var i = topic.Watchers.Count - 1; i >= 0; i--)
            {
                if (!topic.Watchers[i].Writer.TryWrite(rangeEvent))
                {
                    topic.Watchers[i].Writer.TryComplete(new RangeWatcherTooSlowException());
                    topic.Watchers.RemoveAt(i);
                }
            }
        }
    }

    public RangeBusSubscription Subscribe(string rangeId)
    {
        var channel = Channel.CreateBounded<RangeEvent>(new BoundedChannelOptions(watcherQueue) { SingleReader = true });
        lock (_lock)
        {
            Topic(rangeId).Watchers.Add(channel);
        }
        return new RangeBusSubscription(channel.Reader, () =>
        {
            lock (_lock)
            {
                Topic(rangeId).Watchers.Remove(channel);
            }
        });
    }

    private RangeTopic Topic(string rangeId)
    {
        if (!_topics.TryGetValue(rangeId, out var topic))
        {
            topic = new RangeTopic();
            _topics.Add(rangeId, topic);
        }
        return topic;
    }

    private sealed class RangeTopic
    {
        public long Sequence;
        public readonly List<Channel<RangeEvent>> Watchers = new();
    }
}
