namespace RangeScheduler.Domain.Conformance;

/// <summary>What a conformance alert is about (contract <c>AlertKind</c>, without UNSPECIFIED).</summary>
public enum AlertKind
{
    /// <summary>Outside every booked volume in force.</summary>
    LeftVolume,
    /// <summary>Inside, but closer to the edge than the range's warning distance.</summary>
    NearBoundary,
    /// <summary>Inside an exclusion zone or an active closure.</summary>
    EnteredExclusion,
    /// <summary>Above or below the booked vertical bands.</summary>
    Altitude,
    /// <summary>No report for longer than the range's link timeout.</summary>
    LostLink,
    /// <summary>Closer to another booking's vehicle than the range's separation.</summary>
    Proximity,
    /// <summary>Reporting while no volume of the booking is in force (early or overrun).</summary>
    OutsideWindow,
    /// <summary>An earlier alert no longer holds.</summary>
    Resolved,
}

/// <summary>How urgent an alert is (contract <c>Severity</c>, without UNSPECIFIED).</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
