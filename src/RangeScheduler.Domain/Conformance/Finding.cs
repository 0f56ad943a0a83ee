namespace RangeScheduler.Domain.Conformance;

/// <summary>
/// What one fix says about one condition. Raising and ending are separate questions because of
/// hysteresis: a fix 1 cm outside <see cref="Holds"/>, but a vehicle only counts as back once
/// it is <see cref="RangeConformance.HysteresisMeters"/> inside (<see cref="Clear"/>). A fix in
/// between changes nothing, and so does a fix for which the condition is not evaluated (neither).
/// </summary>
/// <param name="DistanceMeters">How far outside, inside or close, for the alert's distance.</param>
internal readonly record struct Finding(bool Holds, bool Clear, double DistanceMeters)
{
    /// <summary>Not evaluated for this fix: an open episode stays open, none starts.</summary>
    public static readonly Finding Unknown = new(false, false, 0);

    /// <summary>Clearly not the case.</summary>
    public static readonly Finding Absent = new(false, true, 0);
}
