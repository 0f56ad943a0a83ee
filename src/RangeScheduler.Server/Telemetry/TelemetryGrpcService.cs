namespace RangeScheduler.Server.Telemetry;

/// <summary>
/// Serves <c>rangescheduler.v1.TelemetryService</c>. It has no methods yet: the service is
/// mapped so that reflection lists it and StreamPositions answers UNIMPLEMENTED, after the
/// access check, until the telemetry bus and conformance pipeline exist.
/// </summary>
public sealed class TelemetryGrpcService;
