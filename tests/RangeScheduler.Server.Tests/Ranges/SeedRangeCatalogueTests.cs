using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Server.Ranges;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Ranges;

/// <summary>The shipped seeds as the server reads them: facts of seeds/README.md and the source data.</summary>
public sealed class SeedRangeCatalogueTests
{
    private static readonly SeedRangeCatalogue Seeds = SeedRangeCatalogue.Load(SeedFiles.Ranges);

    private static TestRange Wanshan => Seeds.Find("zhuhai-wanshan")!;

    private static TestRange Jaakonmeri => Seeds.Find("jaakonmeri")!;

    [Fact]
    public void Seeds_TwoRangesOrderedById() =>
        Seeds.Ranges.Select(range => range.Id).ShouldBe(["jaakonmeri", "zhuhai-wanshan"]);

    [Fact]
    public void Wanshan_NameSaysTheBoundaryIsIllustrative() =>
        Wanshan.Name.ShouldEndWith("— illustrative boundary");

    [Fact]
    public void Wanshan_FiveZonesOfTheirKinds()
    {
        Wanshan.Zones.Select(zone => (zone.Id, zone.Kind)).ShouldBe(
        [
            ("phase1-commissioning", ZoneKind.TestArea),
            ("phase2-performance", ZoneKind.TestArea),
            ("xiaowanshan-shore-base", ZoneKind.LaunchRecovery),
            ("transit-corridor", ZoneKind.Corridor),
            ("aquaculture-exclusion", ZoneKind.Exclusion),
        ]);
        Wanshan.Zones[0].Name.ShouldBe("Phase 1 commissioning");
        Wanshan.Zones[0].Vertical.ShouldBe(new VerticalBand { LowerM = -50, UpperM = 120 });
        Wanshan.Zones[0].Footprint.Polygon.Exterior.Points.Count.ShouldBe(4);
    }

    [Fact]
    public void Wanshan_RulesOfTheRange()
    {
        Wanshan.Domain.ShouldBe(RangeDomain.AirAndSea);
        Wanshan.AllowedVehicleKinds.ShouldBeEmpty();
        Wanshan.TimeZone.ShouldBe("Asia/Shanghai");
        Wanshan.VerticalLimits.ShouldBe(new VerticalBand { LowerM = -100, UpperM = 300 });
        Wanshan.Boundary.Exterior.Points.Count.ShouldBe(8);
        Wanshan.Separation.ShouldBe(new Separation { HorizontalM = 300, VerticalM = 30, TimeBuffer = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)) });
        Wanshan.MaxConcurrentSessions.ShouldBe(12u);
        Wanshan.Version.ShouldBe(1ul);
    }

    [Fact]
    public void Wanshan_OpenMondayToSaturdayEightToSix() =>
        Wanshan.OperatingHours.Select(w => (w.IsoDayOfWeek, w.StartMinute, w.EndMinute))
            .ShouldBe([(1u, 480u, 1080u), (2u, 480u, 1080u), (3u, 480u, 1080u), (4u, 480u, 1080u), (5u, 480u, 1080u), (6u, 480u, 1080u)]);

    [Fact]
    public void Jaakonmeri_BoundaryIsThePublishedCorners()
    {
        // NW 61°20.75'N 20°55.15'E, NE 61°19.60'N 21°14.70'E, SE 61°15.65'N 21°12.67'E, SW 61°16.85'N 20°54.55'E.
        var corners = Jaakonmeri.Boundary.Exterior.Points.Select(p => (Math.Round(p.Latitude, 6), Math.Round(p.Longitude, 6)));

        corners.ShouldBe([(61.345833, 20.919167), (61.326667, 21.245), (61.260833, 21.211167), (61.280833, 20.909167)]);
    }

    [Fact]
    public void Jaakonmeri_SeaOnlyAndOpenAroundTheClock()
    {
        Jaakonmeri.Domain.ShouldBe(RangeDomain.Sea);
        Jaakonmeri.AllowedVehicleKinds.ShouldBe([VehicleKind.Usv, VehicleKind.Uuv]);
        Jaakonmeri.VerticalLimits.ShouldBe(new VerticalBand { LowerM = -60, UpperM = 0 });
        Jaakonmeri.OperatingHours.ShouldBeEmpty();
        Jaakonmeri.Zones.ShouldBeEmpty();
        Jaakonmeri.MaxConcurrentSessions.ShouldBe(0u);
        Jaakonmeri.Separation.TimeBuffer.ToTimeSpan().ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Jaakonmeri_ClosedMayAndJuneInHelsinkiTime()
    {
        var closures = JsonParser.Default.Parse<ListClosuresResponse>(File.ReadAllText(SeedFiles.Closures("jaakonmeri"))).Closures;

        closures.Select(c => c.Id).ShouldBe(["jaakonmeri-closed-2027", "jaakonmeri-closed-2028", "jaakonmeri-closed-2029", "jaakonmeri-closed-2030", "jaakonmeri-closed-2031"]);
        var first = closures[0];
        first.RangeId.ShouldBe("jaakonmeri");
        // 1 May 00:00 to 1 July 00:00 EEST (UTC+3), half-open; whole range, all heights.
        first.Window.Start.ToDateTimeOffset().ShouldBe(new DateTimeOffset(2027, 4, 30, 21, 0, 0, TimeSpan.Zero));
        first.Window.End.ToDateTimeOffset().ShouldBe(new DateTimeOffset(2027, 6, 30, 21, 0, 0, TimeSpan.Zero));
        first.Footprint.ShouldBeNull();
        first.Vertical.ShouldBeNull();
    }

    [Fact]
    public void EmptyFolder_FailsNamingIt()
    {
        using var folder = new TempDirectory();

        Should.Throw<InvalidDataException>(() => SeedRangeCatalogue.Load(folder.Path)).Message.ShouldContain(folder.Path);
    }

    [Fact]
    public void MissingFolder_Fails() =>
        Should.Throw<InvalidDataException>(() => SeedRangeCatalogue.Load(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}")));

    [Theory]
    [InlineData("{ \"id\": ", "is not a rangescheduler.v1.TestRange in proto3 JSON")]
    [InlineData("{ \"id\": \"x\", \"notAField\": 1 }", "is not a rangescheduler.v1.TestRange in proto3 JSON")]
    [InlineData("{ \"id\": \"another-range\" }", "must be \"")]
    public void BadRangeFile_FailsNamingTheFile(string json, string problem)
    {
        using var folder = new TempDirectory();
        var file = folder.Write("x.json", json);

        var error = Should.Throw<InvalidDataException>(() => SeedRangeCatalogue.Load(folder.Path));

        error.Message.ShouldContain(file);
        error.Message.ShouldContain(problem);
    }
}
