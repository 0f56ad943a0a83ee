using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Telemetry;

namespace RangeScheduler.Server.Tests.Telemetry;

/// <summary>
/// A vehicle's (epoch, sequence) and rate budget in this process, and one started from the
/// latest report another process accepted: what that one had is a duplicate here too.
/// </summary>
public sealed class ReportingVehiclesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly ReportingVehicles _vehicles = new(new TelemetryOptions());

    [Fact]
    public void StartedAfterAnotherProcessesReport_ThatAndEarlierAreDuplicates_LaterAccepted()
    {
        _vehicles.Find("org", "usv-1").ShouldBeNull();

        _vehicles.Start("org", "usv-1", new PositionReport { Epoch = 3, Sequence = 40 });

        _vehicles.Find("org", "usv-1").ShouldNotBeNull();
        var vehicle = _vehicles.Of("org", "usv-1");
        vehicle.Admit(3, 40, Now).ShouldBe(Admission.Duplicate);
        vehicle.Admit(2, 99, Now).ShouldBe(Admission.Duplicate);
        vehicle.Admit(3, 41, Now).ShouldBe(Admission.Accepted);
        vehicle.Admit(4, 1, Now).ShouldBe(Admission.Accepted);
    }

    [Fact]
    public void StartedWithoutAReport_FirstReportAccepted()
    {
        _vehicles.Start("org", "usv-2", latest: null);

        _vehicles.Of("org", "usv-2").Admit(0, 1, Now).ShouldBe(Admission.Accepted);
    }

    [Fact]
    public void ContinueAfter_AnOlderPairThanAcceptedHere_KeepsTheNewer()
    {
        var vehicle = _vehicles.Of("org", "usv-3");
        vehicle.Admit(1, 10, Now).ShouldBe(Admission.Accepted);

        vehicle.ContinueAfter(1, 5);

        vehicle.Admit(1, 10, Now).ShouldBe(Admission.Duplicate);
        vehicle.Admit(1, 11, Now).ShouldBe(Admission.Accepted);
    }

    [Fact]
    public void SameVehicleIdInAnotherOrganisation_ADifferentVehicle()
    {
        _vehicles.Start("org-a", "usv-4", new PositionReport { Epoch = 0, Sequence = 100 });

        _vehicles.Find("org-b", "usv-4").ShouldBeNull();
        _vehicles.Of("org-b", "usv-4").Admit(0, 1, Now).ShouldBe(Admission.Accepted);
    }
}
