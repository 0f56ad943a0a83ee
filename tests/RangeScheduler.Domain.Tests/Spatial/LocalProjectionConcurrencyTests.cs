using RangeScheduler.Domain.Spatial;
using RangeScheduler.Domain.Tests.Builders;

namespace RangeScheduler.Domain.Tests.Spatial;

/// <summary>
/// Requests are validated and projected before their range's turn (PreparedRequest), so one
/// range's projection is used by many threads at once: it must give every thread the
/// answer it gives one thread alone.
/// </summary>
public sealed class LocalProjectionConcurrencyTests
{
    [Fact]
    public async Task ManyThreadsProjectingAtOnce_SameAnswersAsOneThread()
    {
        var projection = new LocalProjection(Places.WanshanCentre);
        var random = new Random(7);
        var points = Enumerable.Range(0, 20_000)
            .Select(_ => new GeoPoint(21.6 + random.NextDouble() * 0.4, 113.6 + random.NextDouble() * 0.35))
            .ToArray();
        var expected = points.Select(p => (Forward: projection.Project(p), Back: projection.Unproject(projection.Project(p)))).ToArray();

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var mismatches = 0;
            for (var round = 0; round < 5; round++)
            {
                for (var i = worker; i < points.Length; i += 3)
                {
                    var forward = projection.Project(points[i]);
                    var back = projection.Unproject(forward);
                    if (!forward.Equals2D(expected[i].Forward) || back != expected[i].Back)
                    {
                        mismatches++;
                    }
                }
            }
            return mismatches;
        })).ToArray();

        (await Task.WhenAll(workers)).Sum().ShouldBe(0);
    }
}
