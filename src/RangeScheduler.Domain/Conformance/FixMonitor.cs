using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// Checks one fix against its booking's volumes and the range's restrictions and opens or
/// closes the vehicle's episodes (docs/conformance.md): OUTSIDE_WINDOW, LEFT_VOLUME, ALTITUDE,
/// NEAR_BOUNDARY, ENTERED_EXCLUSION.
/// </summary>
internal sealed class FixMonitor(Episodes episodes)
{
    private const double Margin = RangeConformance.HysteresisMeters;

    private readonly List<string> _gone = [];

    /// <summary>A fix no older than the vehicle's latest: it moves the episodes on.</summary>
    public void Current(VehicleTrack track, in Fix fix, double x, double y, RangePlane plane, RestrictionSet restrictions,
        ConformanceOutcome outcome) => Evaluate(track, fix, x, y, plane, restrictions, null, outcome);

    /// <summary>
    /// A fix older than the vehicle's latest, from an earlier gap. A condition it shows that is
    /// not open now started and ended between evaluated fixes: it gets its alert and, at the
    /// latest fix, its RESOLVED, so no episode is lost. Anything else it shows changes nothing.
    /// </summary>
    public void Late(VehicleTrack track, in Fix fix, double x, double y, RangePlane plane, RestrictionSet restrictions,
        ConformanceOutcome outcome) => Evaluate(track, fix, x, y, plane, restrictions, track.Latest, outcome);

    private void Evaluate(VehicleTrack track, in Fix fix, double x, double y, RangePlane plane, RestrictionSet restrictions,
        Sighting? endedAt, ConformanceOutcome outcome)
    {
        var at = Sighting.Of(fix);
        var warning = plane.Range.BoundaryWarningMeters;
        var depthWanted = Math.Max(track.OpenOf(AlertKind.LeftVolume) is null ? 0 : Margin, warning > 0 ? warning + Margin : 0);
        var volumes = track.Booking.SessionEndedAt <= fix.Time
            ? VolumeFindings.NotInForce
            : track.Booking.Volumes.Assess(x, y, fix.HeightMeters, fix.Time, depthWanted);
        Step(track, AlertKind.OutsideWindow, volumes.OutsideWindow, warning, at, endedAt, outcome);
        Step(track, AlertKind.LeftVolume, volumes.LeftVolume(Margin), warning, at, endedAt, outcome);
        Step(track, AlertKind.Altitude, volumes.Altitude, warning, at, endedAt, outcome);
        Step(track, AlertKind.NearBoundary, volumes.NearBoundary(warning, Margin), warning, at, endedAt, outcome);
        foreach (var restriction in restrictions.All)
        {
            var inside = restriction.Assess(x, y, fix.HeightMeters, fix.Time, track.Kind, Margin);
            ConformanceAlert? open = null;
            track.Exclusions?.TryGetValue(restriction.Id, out open);
            if (open is null && inside.Holds)
            {
                var message = AlertText.EnteredExclusion(restriction.Label, inside.DistanceMeters, restriction.IsWholeRange);
                Open(track, AlertKind.EnteredExclusion, inside, message, at, endedAt, outcome, restriction.Id);
            }
            else if (open is not null && inside.Clear && endedAt is null)
            {
                episodes.Resolve(track, open, at, outcome);
            }
        }
        if (endedAt is null)
        {
            EndRemovedRestrictions(track, restrictions, at, outcome);
        }
    }

    /// <summary>A zone or closure removed while a vehicle was in it no longer excludes it.</summary>
    private void EndRemovedRestrictions(VehicleTrack track, RestrictionSet restrictions, Sighting at, ConformanceOutcome outcome)
    {
        if (track.Exclusions is not { Count: > 0 } open)
        {
            return;
        }
        _gone.Clear();
        foreach (var id in open.Keys)
        {
            if (!restrictions.Contains(id))
            {
                _gone.Add(id);
            }
        }
        foreach (var id in _gone)
        {
            episodes.Resolve(track, open[id], at, outcome);
        }
    }

    private void Step(VehicleTrack track, AlertKind kind, Finding finding, double warning, Sighting at, Sighting? endedAt,
        ConformanceOutcome outcome)
    {
        var open = track.OpenOf(kind);
        if (open is null && finding.Holds)
        {
            // The message is written only here: formatting it for every fix would allocate for every fix.
            var message = kind switch
            {
                AlertKind.OutsideWindow => AlertText.OutsideWindow,
                AlertKind.LeftVolume => AlertText.LeftVolume(finding.DistanceMeters),
                AlertKind.Altitude => AlertText.Altitude(finding.DistanceMeters),
                _ => AlertText.NearBoundary(finding.DistanceMeters, warning),
            };
            Open(track, kind, finding, message, at, endedAt, outcome);
        }
        else if (open is not null && finding.Clear && endedAt is null)
        {
            episodes.Resolve(track, open, at, outcome);
        }
    }

    private void Open(VehicleTrack track, AlertKind kind, Finding finding, string message, Sighting at, Sighting? endedAt,
        ConformanceOutcome outcome, string otherId = "")
    {
        if (endedAt is { } end)
        {
            episodes.RaiseAndResolve(track, kind, at, end, finding.DistanceMeters, message, outcome, otherId);
        }
        else
        {
            episodes.Raise(track, kind, at, finding.DistanceMeters, message, outcome, otherId);
        }
    }
}
