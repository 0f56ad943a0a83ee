using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Identities;

public sealed class DevelopmentKeysTests
{
    private static readonly PrincipalCatalog Seeded = PrincipalCatalog.Load(SeedFiles.Identities);

    [Fact]
    public void SeedIdentities_EveryDerivedKeyFindsItsPrincipal()
    {
        foreach (var principal in Seeded.Principals)
        {
            Seeded.FindByKey(DevelopmentKeys.For(principal)).ShouldBe(principal);
        }
        Should.NotThrow(() => DevelopmentKeys.Verify(Seeded, SeedFiles.Identities));
    }

    [Fact]
    public void SeedIdentities_HoldWhatDevelopmentNeeds()
    {
        // DESIGN.md: an operator and a ground station of oceanalpha, an operator of another
        // organisation, a controller per seeded range, an administrator.
        Seeded.Principals.Select(p => (p.Role, p.Organization)).ShouldContain((Role.Operator, "oceanalpha"));
        Seeded.Principals.Select(p => (p.Role, p.Organization)).ShouldContain((Role.GroundStation, "oceanalpha"));
        Seeded.Principals.ShouldContain(p => p.Role == Role.Operator && p.Organization != "oceanalpha");
        Seeded.Principals.Where(p => p.Role == Role.Controller).SelectMany(p => p.Ranges)
            .Order().ShouldBe(["jaakonmeri", "zhuhai-wanshan"]);
        Seeded.Principals.ShouldContain(p => p.Role == Role.Admin);
    }

    [Fact]
    public void DerivedKey_IsPrefixAndId() =>
        DevelopmentKeys.For(new Principal("ops-oceanalpha", Role.Operator, "oceanalpha", [])).ShouldBe("dev-ops-oceanalpha");

    [Fact]
    public void HashNotOfDerivedKey_VerifyFailsNamingThePrincipal()
    {
        var catalog = Principals.Catalog($$"""[ { "id": "root", "role": "admin", "api_key_sha256": "{{Principals.Hash("dev-someone-else")}}" } ]""");

        var error = Should.Throw<PrincipalFileException>(() => DevelopmentKeys.Verify(catalog, "identities.json"));

        error.Problems.ShouldBe(["\"root\": api_key_sha256 is not the hash of \"dev-root\" (run tools/seeds/dev_identities.py)"]);
    }
}
