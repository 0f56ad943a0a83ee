namespace RangeScheduler.Domain.Bookings;

/// <summary>NORMAL unless a controller books HIGH, which pre-empts NORMAL bookings not yet active.</summary>
public enum Priority
{
    Normal = 1,
    High = 2,
}

/// <summary>Why a booking reached its state (contract <c>StateReason</c>).</summary>
public enum StateReason
{
    Unspecified = 0,
    ByOwner = 1,
    ByController = 2,
    Preempted = 3,
    Closure = 4,
    ApprovalTimedOut = 5,
    Terminated = 6,
}

/// <summary>How an active session keeps to its booking (contract <c>ConformanceState</c>).</summary>
public enum ConformanceState
{
    Unspecified = 0,
    Conforming = 1,
    Nonconforming = 2,
    Contingent = 3,
    NoTelemetry = 4,
}

/// <summary>A controller's command to the vehicles of a session (contract <c>CommandKind</c>).</summary>
public enum CommandKind
{
    Unspecified = 0,
    Hold = 1,
    ReturnToBase = 2,
    Resume = 3,
    TerminateSession = 4,
}
