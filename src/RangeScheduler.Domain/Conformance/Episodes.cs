namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// Opens and closes alert episodes (DESIGN.md, "Telemetry and conformance": one alert when a
/// condition starts, one RESOLVED when it ends). Every alert goes to the outcome and, while
/// open, onto its vehicle's track.
/// </summary>
internal sealed class Episodes(Func<string> newAlertId)
{
    public string RangeId { get; set; } = "";

    public ConformanceAlert Raise(
        VehicleTrack track, AlertKind kind, Sighting at, double distance, string message, ConformanceOutcome outcome,
        string otherId = "", VehicleTrack? other = null)
    {
        var alert = Alert(track, kind, at, distance, message, otherId, other);
        track.Opened(alert, other);
        outcome.Add(alert);
        return alert;
    }

    public void Resolve(VehicleTrack track, ConformanceAlert alert, Sighting at, ConformanceOutcome outcome, VehicleTrack? other = null)
    {
        track.Closed(alert, other);
        outcome.Add(Resolution(alert, at, AlertText.Ended(alert.Kind)));
    }

    /// <summary>
    /// A condition seen only in a late fix, between fixes already evaluated: it started and
    /// ended before the vehicle's latest fix, <paramref name="endedAt"/>. Nothing stays open.
    /// </summary>
    public void RaiseAndResolve(
        VehicleTrack track, AlertKind kind, Sighting at, Sighting endedAt, double distance, string message,
        ConformanceOutcome outcome, string otherId = "")
    {
        var alert = Alert(track, kind, at, distance, message, otherId, null);
        outcome.Add(alert);
        outcome.Add(Resolution(alert, endedAt, AlertText.Ended(kind)));
    }

    /// <summary>
    /// Ends every open alert of the vehicle, a proximity on both sides, when there is no fix to end
    /// them by: the booking is forgotten or final, or the vehicle left it.
    /// </summary>
    public void ResolveAll(VehicleTrack track, ConformanceOutcome outcome)
    {
        foreach (var alert in track.OpenAlerts.ToList())
        {
            var other = alert.Kind == AlertKind.Proximity
                ? track.Proximities!.First(pair => ReferenceEquals(pair.Value, alert)).Key
                : null;
            var at = track.HasFix ? track.Latest : new Sighting(alert.Time, alert.Position, alert.HeightMeters);
            Close(track, alert, at, other, outcome);
            if (other is not null)
            {
                Close(other, other.Proximities![track], other.Latest with { Time = at.Time }, track, outcome);
            }
        }
    }

    private void Close(VehicleTrack track, ConformanceAlert alert, Sighting at, VehicleTrack? other, ConformanceOutcome outcome)
    {
        track.Closed(alert, other);
        outcome.Add(Resolution(alert, at, AlertText.NoLongerWatched(alert.Kind)));
    }

    private ConformanceAlert Alert(
        VehicleTrack track, AlertKind kind, Sighting at, double distance, string message, string otherId, VehicleTrack? other) =>
        new(newAlertId(), kind, SeverityOf(kind), RangeId, track.Booking.Booking.Id, track.VehicleId, at.Time, at.Position,
            at.HeightMeters, distance, otherId, message, "", other?.Booking.Booking.Id ?? "", other?.VehicleId ?? "");

    private ConformanceAlert Resolution(ConformanceAlert alert, Sighting at, string message) => alert with
    {
        Id = newAlertId(),
        Kind = AlertKind.Resolved,
        Severity = AlertSeverity.Info,
        Time = at.Time,
        Position = at.Position,
        HeightMeters = at.HeightMeters,
        DistanceMeters = 0,
        Message = message,
        ResolvesAlertId = alert.Id,
    };

    /// <summary>
    /// Being where no booking allows, or out of contact, is critical; closeness and reporting
    /// outside the booked time are warnings that need a look, not an immediate command.
    /// </summary>
    private static AlertSeverity SeverityOf(AlertKind kind) => kind switch
    {
        AlertKind.LeftVolume or AlertKind.Altitude or AlertKind.EnteredExclusion or AlertKind.LostLink => AlertSeverity.Critical,
        _ => AlertSeverity.Warning,
    };
}
