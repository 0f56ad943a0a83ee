using RangeScheduler.Contracts.Clients;
using RangeScheduler.Server.Identities;

namespace RangeScheduler.Server.Tests.Identities;

public sealed class AccessRulesTests
{
    private static readonly Role[] AllRoles = Enum.GetValues<Role>();

    /// <summary>Who may call what: DESIGN.md's users table and the contract's role comments.</summary>
    public static TheoryData<string, string> Expected => new()
    {
        { "RangeService/ListRanges", "operator controller ground_station admin" },
        { "RangeService/GetRange", "operator controller ground_station admin" },
        { "RangeService/UpsertRange", "admin" },
        { "RangeService/CreateClosure", "controller" },
        { "RangeService/ListClosures", "operator controller ground_station admin" },
        { "RangeService/DeleteClosure", "controller" },
        { "BookingService/CheckConflicts", "operator controller" },
        { "BookingService/CreateBooking", "operator controller" },
        { "BookingService/GetBooking", "operator controller ground_station admin" },
        { "BookingService/ListBookings", "operator controller ground_station admin" },
        { "BookingService/UpdateBooking", "operator controller" },
        { "BookingService/CancelBooking", "operator controller" },
        { "BookingService/DecideBooking", "controller" },
        { "BookingService/FindSlots", "operator controller" },
        { "BookingService/WatchBookings", "operator controller ground_station admin" },
        { "TelemetryService/StreamPositions", "ground_station" },
        { "MonitorService/WatchRange", "controller" },
        { "MonitorService/GetLiveState", "controller" },
        { "MonitorService/IssueCommand", "controller" },
        { "MonitorService/GetTrack", "operator controller ground_station" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void ContractMethod_AllowsExactlyItsRoles(string method, string roles)
    {
        var allowed = roles.Split(' ');
        foreach (var role in AllRoles)
        {
            AccessRules.Allows(role, $"/rangescheduler.v1.{method}").ShouldBe(allowed.Contains(role.Name()), $"{role.Name()} calling {method}");
        }
    }

    [Fact]
    public void EveryContractMethod_HasARuleAndTheTableAbove()
    {
        var contract = ContractServices.All.SelectMany(service => service.Methods)
            .Select(method => $"/{method.Service.FullName}/{method.Name}").ToArray();

        AccessRules.Methods.Order().ShouldBe(contract.Order());
        Expected.Select(row => $"/rangescheduler.v1.{row[0]}").Order().ShouldBe(contract.Order());
    }

    [Theory]
    [InlineData("/rangescheduler.v1.RangeService/DropRange")]
    [InlineData("/rangescheduler.v1.rangeservice/listranges")]
    [InlineData("/other.v1.RangeService/ListRanges")]
    [InlineData("")]
    public void MethodWithoutRule_RefusedToEveryRoleAndNotGoverned(string method)
    {
        foreach (var role in AllRoles)
        {
            AccessRules.Allows(role, method).ShouldBeFalse();
        }
        AccessRules.Governs(method).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/grpc.health.v1.Health/Check", true)]
    [InlineData("/grpc.health.v1.Health/Watch", true)]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", true)]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", true)]
    [InlineData("/rangescheduler.v1.RangeService/ListRanges", false)]
    [InlineData("/grpc.health.v1.HealthX/Check", false)]
    [InlineData("grpc.health.v1.Health/Check", false)]
    [InlineData("/grpc.health.v1.Health", false)]
    [InlineData("/", false)]
    [InlineData("", false)]
    public void HealthAndReflection_ArePublic(string method, bool isPublic) =>
        AccessRules.IsPublic(method).ShouldBe(isPublic);
}
