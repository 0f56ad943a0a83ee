using Google.Protobuf;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Telemetry.Tests.Support;

namespace RangeScheduler.Telemetry.Tests;

/// <summary>
/// The latest-state hash takes each position's bytes from its batch's encoding; those must be
/// exactly what encoding the position alone gives, for short and long messages alike.
/// </summary>
public sealed class PositionBatchCodecTests
{
    [Fact]
    public void Messages_AreEachPositionsOwnEncoding_InOrder()
    {
        var longOne = Events.Position("bk-1", new string('v', 300), 2);
        var positions = new[] { Events.Position("bk-1", "v1", 1), longOne, new PositionUpdate(), Events.Position("bk-2", "v9", 3) };

        var messages = PositionBatchCodec.Messages(PositionBatchCodec.Encode(positions)).Select(m => m.ToArray()).ToList();

        messages.Count.ShouldBe(positions.Length);
        for (var i = 0; i < positions.Length; i++)
        {
            messages[i].ShouldBe(positions[i].ToByteArray(), $"position {i}");
        }
        longOne.CalculateSize().ShouldBeGreaterThan(127, "a length prefix of two bytes is exercised");
    }

    [Fact]
    public void Messages_OfAnEmptyBatch_None() =>
        PositionBatchCodec.Messages(PositionBatchCodec.Encode(Array.Empty<PositionUpdate>())).ShouldBeEmpty();

    [Theory]
    [InlineData(new byte[] { 5, 1, 2 }, "claims 5 bytes; 2 remain")]
    [InlineData(new byte[] { 0x80, 0x80 }, "malformed length")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "malformed length")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, "malformed length")]
    public void Messages_OfACutOrCorruptBatch_Refused(byte[] body, string reason) =>
        Should.Throw<InvalidDataException>(() => PositionBatchCodec.Messages(body).ToList()).Message.ShouldContain(reason);
}
