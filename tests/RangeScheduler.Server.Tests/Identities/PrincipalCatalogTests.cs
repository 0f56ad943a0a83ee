using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Identities;

public sealed class PrincipalCatalogTests
{
    private readonly PrincipalCatalog _catalog = Principals.Catalog(Principals.GoodFile);

    [Theory]
    [InlineData("key-ops-a", "ops-a")]
    [InlineData("key-gs-a", "gs-a")]
    [InlineData("key-ctl-x", "ctl-x")]
    [InlineData("key-root", "root")]
    public void KnownKey_FindsItsPrincipal(string apiKey, string principalId) =>
        _catalog.FindByKey(apiKey)!.Id.ShouldBe(principalId);

    [Theory]
    [InlineData("")]
    [InlineData("key-root ")]
    [InlineData("KEY-ROOT")]
    [InlineData("key-roo")]
    public void UnknownKey_FindsNobody(string apiKey) =>
        _catalog.FindByKey(apiKey).ShouldBeNull();

    [Fact]
    public void HashPresentedAsKey_FindsNobody() =>
        _catalog.FindByKey(Principals.Hash("key-root")).ShouldBeNull();

    [Fact]
    public void HashInUpperCase_StillMatches()
    {
        var catalog = Principals.Catalog($$"""[ { "id": "root", "role": "admin", "api_key_sha256": "{{Principals.Hash("k").ToUpperInvariant()}}" } ]""");

        catalog.FindByKey("k")!.Id.ShouldBe("root");
    }

    [Fact]
    public void Hash_IsSha256OfUtf8()
    {
        // The published SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        Principals.Hash("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Theory]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", true)]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", true)]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a", false)]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015adff", false)]
    [InlineData("za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", false)]
    [InlineData(null, false)]
    public void HexHash_ParsedOnlyWhenSha256Sized(string? hex, bool parsed) =>
        ApiKeyHash.TryParseHex(hex, out _).ShouldBe(parsed);
}
