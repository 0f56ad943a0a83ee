using System.Text.Json;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Tests.Builders;

/// <summary>The ranges built in code must keep to the seed files they are taken from.</summary>
public class TestRangesTests
{
    [Theory]
    [InlineData("zhuhai-wanshan")]
    [InlineData("jaakonmeri")]
    public void RangeBuiltInCode_MatchesItsSeedFile(string id)
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", $"{id}.json")));
        var json = seed.RootElement;
        var range = id == "jaakonmeri" ? TestRanges.Jaakonmeri() : TestRanges.Wanshan();

        range.Id.ShouldBe(json.GetProperty("id").GetString());
        range.TimeZone.ShouldBe(json.GetProperty("timeZone").GetString());
        range.Boundary.Exterior.ShouldBe(Points(json.GetProperty("boundary").GetProperty("exterior")));
        range.VerticalLimits.ShouldBe(Band(json.GetProperty("verticalLimits")));
        range.Separation.HorizontalMeters.ShouldBe(json.GetProperty("separation").GetProperty("horizontalM").GetDouble());
        range.OperatingHours.ShouldBe(OperatingHours(json));
        range.Zones.Select(z => z.Id).ShouldBe(Zones(json).Select(z => z.GetProperty("id").GetString()));
        foreach (var (zone, zoneJson) in range.Zones.Zip(Zones(json)))
        {
            var footprint = zoneJson.GetProperty("footprint").GetProperty("polygon").GetProperty("exterior");
            ((PolygonFootprint)zone.Footprint).Exterior.ShouldBe(Points(footprint));
            zone.Vertical.ShouldBe(Band(zoneJson.GetProperty("vertical")));
        }
    }

    [Fact]
    public void NamedCentres_AreTheMiddlesOfTheRangesPlanes()
    {
        ShouldBeClose(new RangePlane(TestRanges.Wanshan()).Projection.Center, Places.WanshanCentre);
        ShouldBeClose(new RangePlane(TestRanges.Jaakonmeri()).Projection.Center, Places.JaakonmeriCentre);
        Math.Abs(new RangePlane(TestRanges.Antimeridian()).Projection.Center.Longitude).ShouldBe(180, 1e-9);
    }

    private static void ShouldBeClose(GeoPoint actual, GeoPoint expected)
    {
        actual.Latitude.ShouldBe(expected.Latitude, 1e-9);
        actual.Longitude.ShouldBe(expected.Longitude, 1e-9);
    }

    private static List<GeoPoint> Points(JsonElement ring) =>
        ring.GetProperty("points").EnumerateArray()
            .Select(p => new GeoPoint(p.GetProperty("latitude").GetDouble(), p.GetProperty("longitude").GetDouble()))
            .ToList();

    private static VerticalBand Band(JsonElement band) =>
        new(band.GetProperty("lowerM").GetDouble(), band.GetProperty("upperM").GetDouble());

    private static List<WeeklyWindow> OperatingHours(JsonElement range) =>
        range.TryGetProperty("operatingHours", out var hours)
            ? hours.EnumerateArray().Select(w => new WeeklyWindow(
                w.GetProperty("isoDayOfWeek").GetInt32(), w.GetProperty("startMinute").GetInt32(), w.GetProperty("endMinute").GetInt32())).ToList()
            : [];

    private static List<JsonElement> Zones(JsonElement range) =>
        range.TryGetProperty("zones", out var zones) ? zones.EnumerateArray().ToList() : [];
}
