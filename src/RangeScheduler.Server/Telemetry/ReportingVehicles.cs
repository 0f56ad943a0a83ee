using System.Collections.Concurrent;
using RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// What this process remembers of each reporting vehicle: the last (epoch, sequence) it
/// accepted, to tell duplicates (DESIGN.md: the pair must increase per vehicle), and its
/// report budget, to rate-limit it. Keyed by organisation and vehicle id, since vehicle ids
/// are unique only within an organisation. Several streams may carry one vehicle at once. A
/// vehicle first seen here starts from its latest report on the bus (<see cref="Start"/>), so
/// that duplicates are told across instances and restarts too, as far as the bus knows them.
/// </summary>
public sealed class ReportingVehicles(TelemetryOptions options)
{
    // By organisation, then vehicle: a string key hashes faster than a pair of strings, and
    // ingest asks for every report.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ReportingVehicle>> _fleets = new(StringComparer.Ordinal);

    public ReportingVehicle Of(string organizationId, string vehicleId) =>
        _fleets.GetOrAdd(organizationId, static _ => new ConcurrentDictionary<string, ReportingVehicle>(StringComparer.Ordinal))
            .GetOrAdd(vehicleId, static (_, options) => new ReportingVehicle(options.MaxReportRateHz, options.ReportBurst), options);

    /// <summary>The vehicle's state in this process, or null when it has not reported here yet.</summary>
    public ReportingVehicle? Find(string organizationId, string vehicleId) =>
        _fleets.TryGetValue(organizationId, out var fleet) ? fleet.GetValueOrDefault(vehicleId) : null;

    /// <summary>
    /// A vehicle new to this process, which goes on after <paramref name="latest"/>, the last
    /// report another process (or this one before a restart) accepted for it, when there is one.
    /// </summary>
    public void Start(string organizationId, string vehicleId, PositionReport? latest)
    {
        var vehicle = Of(organizationId, vehicleId);
        if (latest is not null)
        {
            vehicle.ContinueAfter(latest.Epoch, latest.Sequence);
        }
    }
}

/// <summary>Whether a report gets in: accepted, a duplicate, or over the vehicle's rate.</summary>
public enum Admission
{
    Accepted,
    Duplicate,
    RateLimited,
}

/// <summary>One vehicle's sequence and rate budget; thread-safe.</summary>
public sealed class ReportingVehicle(double ratePerSecond, int burst)
{
    private readonly object _lock = new();
    private ulong _epoch;
    private ulong _sequence;
    private bool _seen;
    private double _tokens = burst;
    private DateTimeOffset _refilledAt = DateTimeOffset.MinValue;

    /// <summary>Takes (epoch, sequence) as the last accepted pair unless a later one was accepted here.</summary>
    public void ContinueAfter(ulong epoch, ulong sequence)
    {
        lock (_lock)
        {
            if (!_seen || epoch > _epoch || (epoch == _epoch && sequence > _sequence))
            {
                (_seen, _epoch, _sequence) = (true, epoch, sequence);
            }
        }
    }

    /// <summary>
    /// A duplicate unless (epoch, sequence) is past the last accepted pair; rate-limited when
    /// the budget, refilled at the sustained rate up to the burst, is spent. Only an accepted
    /// report moves the sequence on, so a rate-limited report may be sent again.
    /// </summary>
    public Admission Admit(ulong epoch, ulong sequence, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_seen && (epoch < _epoch || (epoch == _epoch && sequence <= _sequence)))
            {
                return Admission.Duplicate;
            }
            if (_refilledAt != DateTimeOffset.MinValue)
            {
                _tokens = Math.Min(burst, _tokens + Math.Max(0, (now - _refilledAt).TotalSeconds) * ratePerSecond);
            }
            _refilledAt = now;
            if (_tokens < 1)
            {
                return Admission.RateLimited;
            }
            _tokens -= 1;
            (_seen, _epoch, _sequence) = (true, epoch, sequence);
            return Admission.Accepted;
        }
    }
}
