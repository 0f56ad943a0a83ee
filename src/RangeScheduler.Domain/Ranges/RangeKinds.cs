namespace RangeScheduler.Domain.Ranges;

/// <summary>Where a range's tests happen.</summary>
public enum RangeDomain
{
    Unspecified = 0,
    Air = 1,
    Sea = 2,
    AirAndSea = 3,
}

/// <summary>Unmanned aircraft, surface vessel or underwater vehicle.</summary>
public enum VehicleKind
{
    Unspecified = 0,
    Uav = 1,
    Usv = 2,
    Uuv = 3,
}

/// <summary>What a zone of a range is for (contract <c>ZoneKind</c>).</summary>
public enum ZoneKind
{
    Unspecified = 0,
    TestArea = 1,
    Exclusion = 2,
    Corridor = 3,
    LaunchRecovery = 4,
}
