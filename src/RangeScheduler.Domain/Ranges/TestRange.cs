using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Ranges;

/// <summary>A test range as its administrator defined it (contract <c>TestRange</c>).</summary>
public sealed record TestRange
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public RangeDomain Domain { get; init; }
    public required PolygonFootprint Boundary { get; init; }
    public required VerticalBand VerticalLimits { get; init; }
    /// <summary>IANA time zone name, e.g. "Asia/Shanghai": operating hours are local to it.</summary>
    public required string TimeZone { get; init; }
    /// <summary>Empty: open around the clock.</summary>
    public IReadOnlyList<WeeklyWindow> OperatingHours { get; init; } = [];
    public Separation Separation { get; init; }
    /// <summary>0: no limit.</summary>
    public int MaxConcurrentSessions { get; init; }
    /// <summary>Empty: every kind.</summary>
    public IReadOnlyList<VehicleKind> AllowedVehicleKinds { get; init; } = [];
    public IReadOnlyList<Zone> Zones { get; init; } = [];
    public bool ApprovalRequired { get; init; }
    /// <summary>Starts at 1; increases on every change.</summary>
    public long Version { get; init; } = 1;
    public TimeSpan LinkTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>0: off.</summary>
    public double BoundaryWarningMeters { get; init; }
    public TimeSpan ReportGrace { get; init; } = TimeSpan.FromMinutes(10);
}
