using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Mapping;

/// <summary>Test ranges and zones between the contract and the domain.</summary>
internal static class RangeMapping
{
    private static readonly TimeSpan DefaultLinkTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultReportGrace = TimeSpan.FromMinutes(10);

    /// <summary>The range of an UpsertRange request; throws InvalidRequestException for what cannot be mapped.</summary>
    public static TestRange ToDomain(V1.TestRange? range, string path)
    {
        var errors = new MappingErrors();
        if (range is null)
        {
            errors.Add(path, "must be set");
            errors.ThrowIfAny();
        }
        var boundary = GeoMapping.ToDomain(range!.Boundary, $"{path}.boundary", errors);
        var limits = GeoMapping.ToDomain(range.VerticalLimits, $"{path}.vertical_limits", errors);
        var domain = EnumMapping.Defined<V1.RangeDomain, RangeDomain>(range.Domain, $"{path}.domain", errors, allowUnspecified: true);
        var zones = range.Zones.Select((zone, i) => Zone(zone, $"{path}.zones[{i}]", errors)).ToList();
        var allowed = EnumMapping.VehicleKinds(range.AllowedVehicleKinds, $"{path}.allowed_vehicle_kinds", errors);
        errors.ThrowIfAny();
        return new TestRange
        {
            Id = range.Id,
            Name = range.Name,
            Domain = domain!.Value,
            Boundary = boundary!,
            VerticalLimits = limits!.Value,
            TimeZone = range.TimeZone,
            OperatingHours = range.OperatingHours.Select(Window).ToList(),
            Separation = new Separation(range.Separation?.HorizontalM ?? 0, range.Separation?.VerticalM ?? 0,
                GeoMapping.ToDomain(range.Separation?.TimeBuffer, TimeSpan.Zero)),
            MaxConcurrentSessions = (int)Math.Min(range.MaxConcurrentSessions, int.MaxValue),
            AllowedVehicleKinds = allowed,
            Zones = zones.OfType<Zone>().ToList(),
            ApprovalRequired = range.ApprovalRequired,
            Version = (long)range.Version,
            LinkTimeout = GeoMapping.ToDomain(range.LinkTimeout, DefaultLinkTimeout),
            BoundaryWarningMeters = range.BoundaryWarningM,
            ReportGrace = GeoMapping.ToDomain(range.ReportGrace, DefaultReportGrace),
        };
    }

    public static V1.TestRange ToContract(TestRange range)
    {
        var contract = new V1.TestRange
        {
            Id = range.Id,
            Name = range.Name,
            Domain = EnumMapping.ToContract<RangeDomain, V1.RangeDomain>(range.Domain),
            Boundary = GeoMapping.ToContract(range.Boundary),
            VerticalLimits = GeoMapping.ToContract(range.VerticalLimits),
            TimeZone = range.TimeZone,
            Separation = new V1.Separation
            {
                HorizontalM = range.Separation.HorizontalMeters,
                VerticalM = range.Separation.VerticalMeters,
                TimeBuffer = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(range.Separation.TimeBuffer),
            },
            MaxConcurrentSessions = (uint)range.MaxConcurrentSessions,
            ApprovalRequired = range.ApprovalRequired,
            Version = (ulong)range.Version,
            LinkTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(range.LinkTimeout),
            BoundaryWarningM = range.BoundaryWarningMeters,
            ReportGrace = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(range.ReportGrace),
        };
        contract.OperatingHours.Add(range.OperatingHours.Select(ToContract));
        contract.AllowedVehicleKinds.Add(range.AllowedVehicleKinds.Select(EnumMapping.ToContract<VehicleKind, V1.VehicleKind>));
        contract.Zones.Add(range.Zones.Select(ToContract));
        return contract;
    }

    public static V1.WeeklyWindow ToContract(WeeklyWindow window) => new()
    {
        IsoDayOfWeek = (uint)window.IsoDayOfWeek,
        StartMinute = (uint)window.StartMinute,
        EndMinute = (uint)window.EndMinute,
    };

    /// <summary>Out-of-range numbers are kept as they came (clamped into int), for the range validator to report.</summary>
    public static WeeklyWindow Window(V1.WeeklyWindow window) =>
        new(Clamp(window.IsoDayOfWeek), Clamp(window.StartMinute), Clamp(window.EndMinute));

    private static Zone? Zone(V1.Zone zone, string path, MappingErrors errors)
    {
        var footprint = GeoMapping.ToDomain(zone.Footprint, $"{path}.footprint", errors);
        var vertical = GeoMapping.ToDomain(zone.Vertical, $"{path}.vertical", errors);
        var kind = EnumMapping.Defined<V1.ZoneKind, ZoneKind>(zone.Kind, $"{path}.kind", errors, allowUnspecified: false);
        var kinds = EnumMapping.VehicleKinds(zone.VehicleKinds, $"{path}.vehicle_kinds", errors);
        return footprint is null || vertical is null || kind is null
            ? null
            : new Zone(zone.Id, zone.Name, kind.Value, footprint, vertical.Value, zone.ActiveHours.Select(Window).ToList(), kinds);
    }

    private static V1.Zone ToContract(Zone zone)
    {
        var contract = new V1.Zone
        {
            Id = zone.Id,
            Name = zone.Name,
            Kind = EnumMapping.ToContract<ZoneKind, V1.ZoneKind>(zone.Kind),
            Footprint = GeoMapping.ToContract(zone.Footprint),
            Vertical = GeoMapping.ToContract(zone.Vertical),
        };
        contract.ActiveHours.Add(zone.ActiveHours.Select(ToContract));
        contract.VehicleKinds.Add(zone.VehicleKinds.Select(EnumMapping.ToContract<VehicleKind, V1.VehicleKind>));
        return contract;
    }

    private static int Clamp(uint value) => (int)Math.Min(value, int.MaxValue);
}
