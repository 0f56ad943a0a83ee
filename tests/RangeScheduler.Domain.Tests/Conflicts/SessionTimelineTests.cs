using RangeScheduler.Domain.Conflicts;
using RangeScheduler.Domain.Tests.Builders;
using RangeScheduler.Domain.Time;

namespace RangeScheduler.Domain.Tests.Conflicts;

/// <summary>The sessions index against brute force on random spans from minutes to months (fixed seed).</summary>
public class SessionTimelineTests
{
    [Fact]
    public void RandomSessions_SameAnswersAsBruteForceBeforeAndAfterRemovals()
    {
        var random = new Random(7);
        var timeline = new SessionTimeline();
        var sessions = new Dictionary<string, TimeWindow>();
        for (var i = 0; i < 2000; i++)
        {
            var span = RandomSpan(random);
            sessions[$"b-{i}"] = span;
            timeline.Put($"b-{i}", span);
        }
        var windows = Enumerable.Range(0, 200).Select(_ => RandomSpan(random)).ToList();
        HashSet<string> excluded = ["b-1", "b-2", "b-3"];

        ShouldMatch(timeline, sessions, windows, excluded);

        foreach (var id in sessions.Keys.Where((_, i) => i % 3 == 0).ToList())
        {
            timeline.Remove(id);
            sessions.Remove(id);
        }
        foreach (var id in sessions.Keys.Where((_, i) => i % 5 == 0).ToList())
        {
            var moved = RandomSpan(random);
            timeline.Put(id, moved);
            sessions[id] = moved;
        }
        ShouldMatch(timeline, sessions, windows, excluded);
    }

    private static void ShouldMatch(SessionTimeline timeline, Dictionary<string, TimeWindow> sessions, List<TimeWindow> windows, HashSet<string> excluded)
    {
        foreach (var window in windows)
        {
            var found = new List<TimeWindow>();
            timeline.Overlapping(window, excluded, found);
            var expected = sessions.Where(s => s.Value.Overlaps(window) && !excluded.Contains(s.Key)).Select(s => s.Value);
            found.OrderBy(w => w.Start).ThenBy(w => w.End).ShouldBe(expected.OrderBy(w => w.Start).ThenBy(w => w.End));
        }
    }

    private static TimeWindow RandomSpan(Random random)
    {
        var start = TestTimes.Now.AddMinutes(random.Next(-10_000, 60_000));
        return new TimeWindow(start, start.AddMinutes(Math.Exp(random.NextDouble() * Math.Log(200_000))));
    }
}
