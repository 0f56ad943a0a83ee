using System.Text.Json;
using System.Text.Json.Nodes;
using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using RangeScheduler.Storage.Serialization;
using RangeScheduler.Storage.Tests.Support;

namespace RangeScheduler.Storage.Tests.Serialization;

public sealed class StorageJsonTests
{
    [Fact]
    public void Booking_Document_ContractNamesShapesAsOneOfAndNoDerivedValues()
    {
        var document = JsonNode.Parse(StorageJson.Serialize(TestData.FullBooking("wanshan")))!.AsObject();

        document.ContainsKey("span").ShouldBeFalse();
        document["organization_id"]!.GetValue<string>().ShouldBe("oceanalpha");
        document["state"]!.GetValue<string>().ShouldBe("Active");
        var volumes = document["volumes"]!.AsArray();
        volumes.Select(v => v!["footprint"]!.AsObject().Single().Key).ShouldBe(["polygon", "circle", "corridor"]);
        volumes[0]!["window"]!.AsObject().Select(p => p.Key).ShouldBe(["start", "end"]);
        volumes[0]!["footprint"]!["polygon"]!["holes"]!.AsArray().Count.ShouldBe(1);
        volumes[1]!["footprint"]!["circle"]!["radius_m"]!.GetValue<double>().ShouldBe(750.25);
        volumes[2]!["footprint"]!["corridor"]!["half_width_m"]!.GetValue<double>().ShouldBe(60);
    }

    [Fact]
    public void Closure_AtEveryHeight_InfinitiesReadBack()
    {
        var closure = TestData.WholeRangeClosure("wanshan", TestData.Morning) with { Vertical = VerticalBand.All };

        var read = StorageJson.Deserialize<Closure>(StorageJson.Serialize(closure));

        read.Vertical.ShouldBe(VerticalBand.All);
    }

    [Fact]
    public void Footprint_DeclaredAsBaseOrShape_ReadsBackAsItsShape()
    {
        Footprint circle = new CircleFootprint(TestData.Wanshan, 12.5);
        var polygon = TestData.Square(0, 0, 10);

        StorageJson.Deserialize<Footprint>(JsonSerializer.Serialize(circle, StorageJson.Options)).ShouldBe(circle);
        StorageJson.Deserialize<PolygonFootprint>(JsonSerializer.Serialize(polygon, StorageJson.Options)).ShouldMatch(polygon);
    }

    [Theory]
    [InlineData("""{"hexagon":{}}""", "Unknown footprint shape")]
    [InlineData("""{"circle":{"center":{"latitude":1,"longitude":2},"radius_m":3}}""", "is not a PolygonFootprint")]
    [InlineData("""[]""", "StartArray where StartObject")]
    public void Footprint_UnexpectedDocument_JsonException(string json, string message) =>
        Should.Throw<JsonException>(() => StorageJson.Deserialize<PolygonFootprint>(json)).Message.ShouldContain(message);
}
