using System.Collections.Concurrent;

namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// What this process remembers of each reporting vehicle: the last (epoch, sequence) it
/// accepted, to tell duplicates (DESIGN.md: the pair must increase per vehicle), and its
/// report budget, to rate-limit it. Keyed by organisation and vehicle id, since vehicle ids
/// are unique only within an organisation. Several streams may carry one vehicle at once.
/// </summary>
public sealed class ReportingVehicles(TelemetryOptions options)
{
    private readonly ConcurrentDictionary<(string Organization, string Vehicle), ReportingVehicle> _vehicles = new();

    public ReportingVehicle Of(string organizationId, string vehicleId) =>
        _vehicles.GetOrAdd((organizationId, vehicleId), _ => new ReportingVehicle(options.MaxReportRateHz, options.ReportBurst));
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
