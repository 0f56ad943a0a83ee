using RangeScheduler.Grpc.Protocol;

namespace RangeScheduler.Grpc.Tests.Protocol;

public sealed class StatusMessageEncodingTests
{
    [Theory]
    [InlineData("plain ascii stays as it is", "plain ascii stays as it is")]
    [InlineData("50% done", "50%25 done")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("Höhe", "H%C3%B6he")]
    [InlineData("高度", "%E9%AB%98%E5%BA%A6")]
    public void Encode_PercentEncodesUtf8OutsidePrintableAscii(string message, string encoded) =>
        StatusMessageEncoding.Encode(message).ShouldBe(encoded);

    [Theory]
    [InlineData("Höhe außerhalb des Bereichs — 高度超出范围 ✈")]
    [InlineData("%%% 100%")]
    [InlineData("tab\tand\r\nnewlines")]
    public void EncodeThenDecode_RoundTrips(string message) =>
        StatusMessageEncoding.Decode(StatusMessageEncoding.Encode(message)).ShouldBe(message);

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("%zz stays", "%zz stays")]
    [InlineData("%4", "%4")]
    public void MalformedEscapes_AreKeptAsTheyStand(string value, string decoded) =>
        StatusMessageEncoding.Decode(value).ShouldBe(decoded);
}
