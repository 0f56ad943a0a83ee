using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using RangeScheduler.Contracts.Clients;

namespace RangeScheduler.Server.Identities;

/// <summary>
/// Which roles may call which method, from DESIGN.md ("Identities" and the users table) and
/// the role comments of the contract's rpcs. A method without a rule is refused to every
/// role, so a method added to the contract stays closed until someone decides who may call it.
/// Rules on whose bookings or ranges a caller may touch are the services' business.
/// </summary>
public static class AccessRules
{
    private static readonly Role[] Everyone = [Role.Operator, Role.Controller, Role.GroundStation, Role.Admin];

    // Ground stations read their organisation's bookings, to learn which booking ids to report
    // positions against and when sessions start; administrators read every booking
    // (ListBookings' organization_id filter is theirs and the controllers').
    private static readonly Role[] BookingReaders = Everyone;
    private static readonly Role[] Booker = [Role.Operator, Role.Controller];
    private static readonly Role[] Controllers = [Role.Controller];

    private static readonly Dictionary<string, Role[]> RolesByMethod = new(StringComparer.Ordinal)
    {
        [Path(ContractServices.RangeService, "ListRanges")] = Everyone,
        [Path(ContractServices.RangeService, "GetRange")] = Everyone,
        [Path(ContractServices.RangeService, "UpsertRange")] = [Role.Admin],
        [Path(ContractServices.RangeService, "CreateClosure")] = Controllers,
        [Path(ContractServices.RangeService, "ListClosures")] = Everyone,
        [Path(ContractServices.RangeService, "DeleteClosure")] = Controllers,

        // Controllers book too: PRIORITY_HIGH is theirs alone (DESIGN.md, "Booking").
        [Path(ContractServices.BookingService, "CheckConflicts")] = Booker,
        [Path(ContractServices.BookingService, "CreateBooking")] = Booker,
        [Path(ContractServices.BookingService, "GetBooking")] = BookingReaders,
        [Path(ContractServices.BookingService, "ListBookings")] = BookingReaders,
        [Path(ContractServices.BookingService, "UpdateBooking")] = Booker,
        [Path(ContractServices.BookingService, "CancelBooking")] = Booker,
        [Path(ContractServices.BookingService, "DecideBooking")] = Controllers,
        [Path(ContractServices.BookingService, "FindSlots")] = Booker,
        [Path(ContractServices.BookingService, "WatchBookings")] = BookingReaders,

        [Path(ContractServices.TelemetryService, "StreamPositions")] = [Role.GroundStation],

        [Path(ContractServices.MonitorService, "WatchRange")] = Controllers,
        [Path(ContractServices.MonitorService, "GetLiveState")] = Controllers,
        [Path(ContractServices.MonitorService, "IssueCommand")] = Controllers,
        // "controllers, and the booking's organisation": its operators and ground stations.
        [Path(ContractServices.MonitorService, "GetTrack")] = [Role.Controller, Role.Operator, Role.GroundStation],
    };

    // Generic gRPC tools must be able to probe and list the server without a key (DESIGN.md,
    // "The contract"); both services say nothing about ranges or bookings.
    private static readonly HashSet<string> PublicServices = new(StringComparer.Ordinal)
    {
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    };

    /// <summary>Every method that has a rule, as <c>/{service}/{method}</c> paths.</summary>
    public static IEnumerable<string> Methods => RolesByMethod.Keys;

    /// <summary>True for methods any caller may use without a key (health and reflection).</summary>
    /// <param name="methodPath"><c>/{service}/{method}</c>, as <see cref="Grpc.ServerCallContext.Method"/> gives it.</param>
    public static bool IsPublic(string methodPath)
    {
        var serviceEnd = methodPath.LastIndexOf('/');
        return serviceEnd > 1 && PublicServices.Contains(methodPath[1..serviceEnd]);
    }

    /// <summary>True for the contract's methods, which all have a rule; a path outside the contract has nothing to protect and answers UNIMPLEMENTED.</summary>
    public static bool Governs(string methodPath) => RolesByMethod.ContainsKey(methodPath);

    /// <summary>True when the role may call the method; false for methods without a rule.</summary>
    public static bool Allows(Role role, string methodPath) =>
        RolesByMethod.TryGetValue(methodPath, out var roles) && roles.Contains(role);

    private static string Path(ServiceDescriptor service, string method) =>
        service.FindMethodByName(method) is { } found
            ? $"/{service.FullName}/{found.Name}"
            : throw new InvalidOperationException($"{service.FullName} has no method {method}: the access rules are out of step with the contract.");
}
