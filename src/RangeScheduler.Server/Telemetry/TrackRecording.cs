using System.Buffers;
using Microsoft.Extensions.Logging;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Logging;
using RangeScheduler.Storage.Tracks;
using Vehicle = RangeScheduler.Domain.Bookings.Vehicle;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Gathers each vehicle's accepted reports into runs and hands a run to the
/// <see cref="TrackRecorder"/> as one chunk once it holds <see cref="RunLength"/> reports or
/// is <see cref="RunAge"/> old (plus up to as much again, spread by vehicle): a swarm sends one
/// report per vehicle per batch, and a chunk per
/// report would be a row per fix. The recorder writes in the background; when it cannot keep
/// up a chunk is dropped and logged rather than slowing ingest. A crash loses at most the runs
/// not yet sealed (docs/telemetry.md); a stop loses none: disposing seals them all.
/// </summary>
public sealed class TrackRecording(TrackRecorder recorder, TimeProvider time, ILogger<TrackRecording> log) : IDisposable
{
    public const int RunLength = 128;
    public static readonly TimeSpan RunAge = TimeSpan.FromSeconds(5);

    private readonly object _lock = new();
    // By the booking's own vehicle object (BookingVehicles.Find), which belongs to that booking
    // alone: found by reference, without hashing and comparing two id strings for every report.
    // A booking version with new vehicle objects (an update, or the booking read again from the
    // store) starts new runs; the old ones are sealed by age as usual.
    private readonly Dictionary<Vehicle, Run> _runs = new(ReferenceEqualityComparer.Instance);
    // Every vehicle of a swarm holds a run buffer at once, so the pool keeps that many of a size.
    private readonly ArrayPool<byte> _buffers = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024, maxArraysPerBucket: 16_384);

    /// <summary>
    /// Adds accepted reports of one range to their vehicles' runs; <paramref name="bookingIds"/>
    /// names each report's booking and <paramref name="vehicles"/> its vehicle, as the booking lists it.
    /// </summary>
    public void Record(string rangeId, IReadOnlyList<PositionReport> reports, IReadOnlyList<string> bookingIds, IReadOnlyList<Vehicle> vehicles)
    {
        List<Run>? full = null;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            for (var i = 0; i < reports.Count; i++)
            {
                var vehicle = vehicles[i];
                if (!_runs.TryGetValue(vehicle, out var run))
                {
                    run = new Run(rangeId, bookingIds[i], vehicle.Id, now + RunAge + Jitter(vehicle.Id), _buffers);
                    _runs.Add(vehicle, run);
                }
                run.Add(reports[i]);
                if (run.Count >= RunLength)
                {
                    _runs.Remove(vehicle);
                    (full ??= []).Add(run);
                }
            }
        }
        full?.ForEach(Seal);
    }

    /// <summary>Seals the runs that are due: <see cref="RunAge"/> old, give or take their vehicle's jitter.</summary>
    public void SealOld(DateTimeOffset now) => SealWhere(run => now >= run.SealAt);

    /// <summary>Everything recorded before the call is durable when it completes (GetTrack reads after it).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        SealWhere(_ => true);
        await recorder.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Seals every open run. The container disposes this at the host's stop, once the server no
    /// longer takes calls, and before the <see cref="TrackRecorder"/>, which was made first for
    /// this to depend on and writes everything queued when it is disposed.
    /// </summary>
    public void Dispose() => SealWhere(_ => true);

    private void SealWhere(Func<Run, bool> due)
    {
        List<Run> sealing = [];
        lock (_lock)
        {
            foreach (var (key, run) in _runs)
            {
                if (due(run))
                {
                    _runs.Remove(key);
                    sealing.Add(run);
                }
            }
        }
        sealing.ForEach(Seal);
    }

    private void Seal(Run run)
    {
        var chunk = new TrackChunk(run.RangeId, run.BookingId, run.VehicleId, run.First, run.Last, run.Count, run.Encoded.WrittenSpan.ToArray());
        run.Encoded.Dispose();
        if (!recorder.Record(chunk))
        {
            ServerLog.TrackChunkDropped(log, run.BookingId, run.Count);
        }
    }

    // A swarm's vehicles all start their runs at once; sealing them all in the same watchdog
    // round would encode and write thousands of chunks in one go every RunAge, stalling ingest.
    // Up to one more RunAge, by vehicle, spreads the work.
    private static TimeSpan Jitter(string vehicleId) =>
        RunAge * ((uint)string.GetHashCode(vehicleId, StringComparison.Ordinal) % 1000 / 1000.0);

    /// <summary>
    /// One vehicle's reports since its last chunk, encoded as they arrive into a pooled buffer
    /// (<see cref="PooledBufferWriter"/>): a run lives for seconds, and at swarm scale keeping
    /// its reports as objects meant every collection copied hundreds of thousands of them from
    /// generation to generation.
    /// </summary>
    private sealed class Run(string rangeId, string bookingId, string vehicleId, DateTimeOffset sealAt, ArrayPool<byte> buffers)
    {
        public string RangeId { get; } = rangeId;

        public string BookingId { get; } = bookingId;

        public string VehicleId { get; } = vehicleId;

        public DateTimeOffset SealAt { get; } = sealAt;

        /// <summary>Room for a quarter of a full run at first: most runs are sealed by age, a few seconds of fixes.</summary>
        public PooledBufferWriter Encoded { get; } = new(buffers, RunLength / 4 * 64);

        public int Count { get; private set; }

        public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;

        public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

        public void Add(PositionReport report)
        {
            TrackEncoding.Append(Encoded, report);
            Count++;
            var at = report.Time.ToDateTimeOffset();
            First = at < First ? at : First;
            Last = at > Last ? at : Last;
        }
    }
}
