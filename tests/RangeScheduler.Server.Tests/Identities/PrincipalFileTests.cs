using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Identities;

public sealed class PrincipalFileTests
{
    private static readonly string Hash = Principals.Hash("some key");

    [Fact]
    public void GoodFile_ReadsEveryPrincipalInOrder()
    {
        var principals = Principals.Catalog(Principals.GoodFile).Principals;

        principals.Select(p => (p.Id, p.Role)).ShouldBe(
        [
            ("ops-a", Role.Operator), ("gs-a", Role.GroundStation), ("ctl-x", Role.Controller), ("root", Role.Admin),
        ]);
        principals[0].Organization.ShouldBe("org-a");
        principals[2].Ranges.ShouldBe(["range-x", "range-y"]);
        principals[3].Organization.ShouldBeNull();
        principals[3].Ranges.ShouldBeEmpty();
    }

    [Fact]
    public void CommentsAndTrailingCommas_Accepted()
    {
        var json = $$"""
            [ // hand-edited files keep their notes
              { "id": "root", "role": "admin", "api_key_sha256": "{{Hash}}", },
            ]
            """;

        Principals.Catalog(json).Principals.Single().Id.ShouldBe("root");
    }

    [Fact]
    public void MissingFile_FailsSayingSo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        var error = Should.Throw<PrincipalFileException>(() => PrincipalFile.Read(path));

        error.Message.ShouldContain(path);
        error.Problems.ShouldBe(["the file does not exist"]);
    }

    [Theory]
    [InlineData("[ { \"id\": \"root\", ")]
    [InlineData("{ \"id\": \"root\" }")]
    [InlineData("not json")]
    public void BadJson_FailsNamingTheJsonError(string json) =>
        Principals.Problems(json).Single().ShouldStartWith("not a JSON array of principals:");

    [Fact]
    public void MisspeltProperty_Fails()
    {
        var json = $$"""[ { "id": "root", "role": "admin", "api_key_sha265": "{{Hash}}" } ]""";

        Principals.Problems(json).Single().ShouldContain("api_key_sha265");
    }

    [Fact]
    public void EmptyArray_Fails() =>
        Principals.Problems("[]").ShouldBe(["it holds no principals"]);

    [Fact]
    public void NullEntry_Fails() =>
        Principals.Problems("[ null ]").ShouldBe(["principals[0]: null instead of a principal"]);

    [Fact]
    public void UnknownRole_FailsListingTheRoles()
    {
        var json = $$"""[ { "id": "boss", "role": "superuser", "api_key_sha256": "{{Hash}}" } ]""";

        Principals.Problems(json).ShouldBe(
            ["principals[0] (\"boss\"): unknown role \"superuser\" (expected operator, controller, ground_station, admin)"]);
    }

    [Fact]
    public void RoleInOtherCase_Fails()
    {
        var json = $$"""[ { "id": "root", "role": "Admin", "api_key_sha256": "{{Hash}}" } ]""";

        Principals.Problems(json).Single().ShouldContain("unknown role \"Admin\"");
    }

    [Theory]
    [InlineData("""{ "id": "root", "role": "admin" }""", "principals[0] (\"root\"): \"api_key_sha256\" is missing")]
    [InlineData("""{ "id": "root", "role": "admin", "api_key_sha256": "abc" }""", "principals[0] (\"root\"): \"api_key_sha256\" must be 64 hexadecimal digits (the SHA-256 of the key)")]
    [InlineData("""{ "id": "root", "role": "admin", "api_key_sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g" }""", "principals[0] (\"root\"): \"api_key_sha256\" must be 64 hexadecimal digits (the SHA-256 of the key)")]
    [InlineData("""{ "role": "admin", "api_key_sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" }""", "principals[0]: \"id\" is missing")]
    [InlineData("""{ "id": "root", "api_key_sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" }""", "principals[0] (\"root\"): \"role\" is missing")]
    [InlineData("""{ "id": "ops", "role": "operator", "api_key_sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" }""", "principals[0] (\"ops\"): role \"operator\" needs an \"organization\"")]
    [InlineData("""{ "id": "gs", "role": "ground_station", "organization": " ", "api_key_sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" }""", "principals[0] (\"gs\"): role \"ground_station\" needs an \"organization\"")]
    [InlineData("""{ "id": "ctl", "role": "controller", "ranges": [], "api_key_sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" }""", "principals[0] (\"ctl\"): a controller needs \"ranges\", the ids of the ranges it controls")]
    public void IncompletePrincipal_FailsNamingTheField(string principal, string problem)
    {
        Principals.Problems($"[ {principal} ]").ShouldBe([problem]);
    }

    [Fact]
    public void DuplicateId_Fails()
    {
        var json = $$"""
            [ { "id": "root", "role": "admin", "api_key_sha256": "{{Hash}}" },
              { "id": "root", "role": "admin", "api_key_sha256": "{{Principals.Hash("other key")}}" } ]
            """;

        Principals.Problems(json).ShouldBe(["principals[1] (\"root\"): \"id\" is the same as principals[0]'s"]);
    }

    [Fact]
    public void SameKeyForTwoPrincipals_Fails()
    {
        var json = $$"""
            [ { "id": "root", "role": "admin", "api_key_sha256": "{{Hash}}" },
              { "id": "root2", "role": "admin", "api_key_sha256": "{{Hash.ToUpperInvariant()}}" } ]
            """;

        Principals.Problems(json).Single().ShouldContain("principals[1] (\"root2\"): \"api_key_sha256\" is the same as principals[0]'s");
    }

    [Fact]
    public void SeveralBadPrincipals_EveryProblemReported()
    {
        var json = $$"""
            [ { "id": "a", "role": "pilot", "api_key_sha256": "{{Hash}}" },
              { "id": "b", "role": "operator", "organization": "org" },
              { "id": "c", "role": "controller", "api_key_sha256": "{{Principals.Hash("c")}}" } ]
            """;
        using var folder = new TempDirectory();
        var path = folder.Write("principals.json", json);

        var error = Should.Throw<PrincipalFileException>(() => PrincipalFile.Read(path));

        error.Problems.Count.ShouldBe(3);
        error.Message.ShouldContain(path);
        foreach (var problem in error.Problems)
        {
            error.Message.ShouldContain(problem);
        }
    }
}
