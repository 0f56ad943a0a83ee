using RangeScheduler.Telemetry.Cursors;

namespace RangeScheduler.Telemetry.Tests.Cursors;

public sealed class BusCursorTests
{
    [Fact]
    public void Format_ParsesBack()
    {
        var cursor = new BusCursor("r", new StreamId(1795263010665, 3), new StreamId(1795263010660, 0), 42);

        BusCursor.TryParse(cursor.ToString(), out var parsed).ShouldBeTrue();

        cursor.ToString().ShouldBe("r.1795263010665-3.1795263010660-0.42");
        parsed.ShouldBe(cursor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("r.1-0.1-0")]
    [InlineData(".1-0.1-0.0")]
    [InlineData("r.1-0.1-0.-1")]
    [InlineData("r.-1-0.1-0.0")]
    [InlineData("r.1.1-0.0")]
    [InlineData("r.1-0.1-0.0.extra")]
    public void Malformed_NotParsed(string? text) => BusCursor.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void AfterPosition_CoversThatManyPositionsOfTheBatch()
    {
        var cursor = new BusCursor("r", new StreamId(5, 0), StreamId.Zero, 0);

        cursor.AfterPosition(new StreamId(6, 0), 0).ShouldBe(cursor with { Positions = new StreamId(6, 0), Offset = 1 });
    }

    [Fact]
    public void StreamIds_OrderByTimeThenSequence()
    {
        new StreamId(1, 9).ShouldBeLessThan(new StreamId(2, 0));
        new StreamId(2, 0).ShouldBeLessThan(new StreamId(2, 1));
        StreamId.Parse("17-4").ShouldBe(new StreamId(17, 4));
    }
}
