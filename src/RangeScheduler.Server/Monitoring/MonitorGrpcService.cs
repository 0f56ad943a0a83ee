namespace RangeScheduler.Server.Monitoring;

/// <summary>
/// Serves <c>rangescheduler.v1.MonitorService</c>. It has no methods yet: the service is
/// mapped so that reflection lists it and every rpc answers UNIMPLEMENTED, after the access
/// check, until the telemetry bus and conformance pipeline exist.
/// </summary>
public sealed class MonitorGrpcService;
