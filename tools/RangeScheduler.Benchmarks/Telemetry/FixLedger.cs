using System.Diagnostics;
using RangeScheduler.Contracts.V1;
using RangeScheduler.GroundStation.Station;
using RangeScheduler.GroundStation.Swarm;

namespace RangeScheduler.Benchmarks.Telemetry;

/// <summary>
/// Every fix of the run by (vehicle, sequence): when the station wrote it and when the
/// watcher received it, as <see cref="Stopwatch"/> timestamps (stations and watcher share the
/// benchmark's process, so one clock). The swarm numbers each vehicle's fixes 1, 2, 3 … within
/// one epoch (<see cref="SwarmStream"/>), so a (vehicle, sequence) pair tags a report exactly
/// and the tables are plain arrays, cheap enough not to weigh on the load they measure.
/// The server stamps each position with when it received the report's batch; that stamp,
/// on the machine's wall clock which both processes read, splits a latency into the way to
/// the server and the way from it, to tell which side a stall is on.
/// </summary>
internal sealed class FixLedger : IStationObserver
{
    /// <summary>In <see cref="_received"/>: the server rejected the fix, so no watcher can see it.</summary>
    private const long Rejected = -1;

    private readonly Dictionary<string, int> _rows;
    private readonly long[][] _sent;
    private readonly long[][] _received;
    private readonly long[][] _atServer;
    private readonly long _anchorTimestamp = Stopwatch.GetTimestamp();
    private readonly DateTime _anchorWallClock = DateTime.UtcNow;
    private readonly Dictionary<RejectedReport.Types.Code, long> _rejections = [];
    private long _watched;
    private long _watchedTwice;

    /// <param name="fixesPerVehicle">The most fixes any vehicle sends in the run.</param>
    public FixLedger(IEnumerable<string> vehicleIds, int fixesPerVehicle)
    {
        _rows = vehicleIds.Select((id, row) => (id, row)).ToDictionary(v => v.id, v => v.row);
        // Sequence n is at index n; 0 is never used.
        _sent = [.. _rows.Select(_ => new long[fixesPerVehicle + 1])];
        _received = [.. _rows.Select(_ => new long[fixesPerVehicle + 1])];
        _atServer = [.. _rows.Select(_ => new long[fixesPerVehicle + 1])];
    }

    /// <summary>Position events the watcher received, counting repeats.</summary>
    public long Watched => Interlocked.Read(ref _watched);

    public void OnSent(PositionBatch batch)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var report in batch.Reports)
        {
            _sent[_rows[report.VehicleId]][report.Sequence] = now;
        }
    }

    public void OnAck(Ack ack)
    {
        foreach (var rejected in ack.Rejected)
        {
            _received[_rows[rejected.VehicleId]][rejected.Sequence] = Rejected;
            // Acks of all streams arrive on their own reading threads.
            lock (_rejections)
            {
                _rejections[rejected.Code] = _rejections.GetValueOrDefault(rejected.Code) + 1;
            }
        }
    }

    public void OnAlert(Alert alert)
    {
        // The swarm's FeedbackCounts count alerts by kind; nothing to time here.
    }

    public void OnCommand(Command command)
    {
        // No controller commands in this benchmark; StationLink answers any with a receipt.
    }

    /// <summary>The watcher received <paramref name="update"/> now; called from its one reading loop.</summary>
    public void Watch(PositionUpdate update)
    {
        var now = Stopwatch.GetTimestamp();
        var report = update.Report;
        var row = _rows[report.VehicleId];
        var received = _received[row];
        if (received[report.Sequence] != 0)
        {
            _watchedTwice++;
        }
        else
        {
            received[report.Sequence] = now;
            var sinceAnchor = update.ReceivedAt.ToDateTime() - _anchorWallClock;
            _atServer[row][report.Sequence] = _anchorTimestamp + (long)(sinceAnchor.TotalSeconds * Stopwatch.Frequency);
        }
        Interlocked.Increment(ref _watched);
    }

    /// <summary>
    /// Reads the tables once the run and the watcher are done. Latencies are of fixes sent
    /// from <paramref name="from"/> to <paramref name="to"/> (timestamps), and a fix of that
    /// window the watcher never received counts as later than any received: a percentile that
    /// lands on one is <see cref="Never"/>. The p99 by second runs from <paramref name="start"/>,
    /// the swarm's start, to <paramref name="to"/>, so that the warm-up's seconds show whether a
    /// stall comes with the window or at a time of the run. The other counts cover the whole run. A fix sent,
    /// not rejected and never received is <c>superseded</c> when the watcher received a later
    /// fix of the same vehicle (the bus coalesced it for a lagging watcher, telemetry-bus.md
    /// "Watcher queue"), else <c>missing</c>.
    /// </summary>
    public LedgerSummary Summarise(long start, long from, long to)
    {
        var latencies = new List<long>();
        var seconds = Math.Max(1, (int)Math.Ceiling(Stopwatch.GetElapsedTime(start, to).TotalSeconds));
        var bySecond = Enumerable.Range(0, seconds).Select(_ => new List<long>()).ToArray();
        var toServerBySecond = Enumerable.Range(0, seconds).Select(_ => new List<long>()).ToArray();
        var lostBySecond = new int[seconds];
        long received = 0, superseded = 0, missing = 0;
        var lostInWindow = 0;
        for (var row = 0; row < _sent.Length; row++)
        {
            var (sent, seen, atServer) = (_sent[row], _received[row], _atServer[row]);
            var lastSeen = Array.FindLastIndex(seen, t => t > 0);
            for (var sequence = 1; sequence < sent.Length; sequence++)
            {
                if (sent[sequence] == 0 || seen[sequence] == Rejected)
                {
                    continue;
                }
                var inWindow = sent[sequence] >= from && sent[sequence] < to;
                var inRun = sent[sequence] >= start && sent[sequence] < to;
                var second = Math.Min(seconds - 1, (int)Stopwatch.GetElapsedTime(start, sent[sequence]).TotalSeconds);
                if (seen[sequence] > 0)
                {
                    received++;
                    var latency = seen[sequence] - sent[sequence];
                    if (inWindow)
                    {
                        latencies.Add(latency);
                    }
                    if (inRun)
                    {
                        bySecond[second].Add(latency);
                        toServerBySecond[second].Add(atServer[sequence] - sent[sequence]);
                    }
                    continue;
                }
                if (inRun)
                {
                    lostBySecond[second]++;
                }
                if (inWindow)
                {
                    lostInWindow++;
                }
                if (sequence < lastSeen)
                {
                    superseded++;
                }
                else
                {
                    missing++;
                }
            }
        }
        latencies.Sort();
        foreach (var second in bySecond.Concat(toServerBySecond))
        {
            second.Sort();
        }
        var rejections = string.Join(" ", _rejections.OrderByDescending(r => r.Value).Select(r => $"{r.Key}={r.Value}"));
        return new LedgerSummary(received, superseded, missing, _watchedTwice, rejections, lostInWindow,
            Percentile(latencies, lostInWindow, 0.50), Percentile(latencies, lostInWindow, 0.99),
            lostInWindow > 0 ? Never : latencies.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, latencies[^1]),
            [.. bySecond.Select((second, i) => Percentile(second, lostBySecond[i], 0.99))],
            [.. toServerBySecond.Select(second => Percentile(second, 0, 0.99))], (int)Math.Round(Stopwatch.GetElapsedTime(start, from).TotalSeconds));
    }

    /// <summary>The latency of a fix the watcher never received.</summary>
    public static readonly TimeSpan Never = TimeSpan.MaxValue;

    /// <param name="sorted">The received fixes' latencies, in order.</param>
    /// <param name="lost">Fixes never received, which rank after all of them.</param>
    private static TimeSpan Percentile(List<long> sorted, int lost, double p)
    {
        var rank = (int)((sorted.Count + lost) * p);
        return rank >= sorted.Count ? (lost > 0 ? Never : TimeSpan.Zero) : Stopwatch.GetElapsedTime(0, sorted[rank]);
    }
}

/// <param name="Received">Distinct fixes the watcher received.</param>
/// <param name="Superseded">Fixes never received although a later fix of the same vehicle was: coalesced by the bus.</param>
/// <param name="Missing">Fixes sent, not rejected, never received, and no later fix of the vehicle received either.</param>
/// <param name="ReceivedTwice">Position events for a fix the watcher already had.</param>
/// <param name="Rejections">Rejected fixes by code, most first.</param>
/// <param name="LostInWindow">Fixes sent in the measured window, not rejected, that the watcher never received.</param>
/// <param name="P99BySecond">The p99 of the fixes sent in each second of the run, warm-up included, to tell a steady tail from a few stalls.</param>
/// <param name="P99ToServerBySecond">The same for the way to the server alone (station's send to the server's receipt), of the fixes the watcher received.</param>
/// <param name="WindowStartsAt">The second of <paramref name="P99BySecond"/> at which the measured window starts.</param>
internal sealed record LedgerSummary(long Received, long Superseded, long Missing, long ReceivedTwice, string Rejections, long LostInWindow, TimeSpan P50, TimeSpan P99, TimeSpan Max, IReadOnlyList<TimeSpan> P99BySecond, IReadOnlyList<TimeSpan> P99ToServerBySecond, int WindowStartsAt);
