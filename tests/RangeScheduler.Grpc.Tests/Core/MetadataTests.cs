namespace RangeScheduler.Grpc.Tests.Core;

public sealed class MetadataTests
{
    [Fact]
    public void Keys_AreLowerCased()
    {
        var metadata = new Metadata().Add("X-Trace-Id", "abc");
        metadata[0].Key.ShouldBe("x-trace-id");
        metadata.GetValue("x-TRACE-id").ShouldBe("abc");
    }

    [Fact]
    public void BinaryKeyWithStringValue_Rejected() =>
        Should.Throw<ArgumentException>(() => new Metadata().Add("x-data-bin", "text")).Message.ShouldContain("x-data-bin");

    [Fact]
    public void TextKeyWithBinaryValue_Rejected() =>
        Should.Throw<ArgumentException>(() => new Metadata().Add("x-data", new byte[] { 1 })).Message.ShouldContain("x-data");

    [Theory]
    [InlineData("x key")]
    [InlineData("x:key")]
    [InlineData("")]
    public void InvalidKey_Rejected(string key) =>
        Should.Throw<ArgumentException>(() => new Metadata().Add(key, "v"));

    [Fact]
    public void NonAsciiTextValue_RejectedWithAdviceToUseBin() =>
        Should.Throw<ArgumentException>(() => new Metadata().Add("x-name", "Höhe")).Message.ShouldContain("-bin");

    [Fact]
    public void Get_ReturnsTheLastOfRepeatedKeys()
    {
        var metadata = new Metadata().Add("x-a", "1").Add("x-a", "2");
        metadata.GetValue("x-a").ShouldBe("2");
        metadata.GetAll("x-a").Select(e => e.Value).ShouldBe(["1", "2"]);
    }

    [Fact]
    public void BinaryValue_KeptAsBytes()
    {
        var bytes = new byte[] { 0, 0xFF, 0x80 };
        new Metadata().Add("x-raw-bin", bytes).GetValueBytes("x-raw-bin").ShouldBe(bytes);
    }
}
