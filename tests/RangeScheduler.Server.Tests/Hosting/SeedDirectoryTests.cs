using RangeScheduler.Server.Hosting;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Hosting;

public sealed class SeedDirectoryTests : IDisposable
{
    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();

    [Fact]
    public void SeedsUnderBothRoots_TheFirstRootWins()
    {
        WithRanges(_first);
        WithRanges(_second);

        var seeds = SeedDirectory.Locate(_first.Path, _second.Path);

        seeds.Path.ShouldBe(Path.Combine(_first.Path, "seeds"));
        seeds.Ranges.ShouldBe(Path.Combine(_first.Path, "seeds", "ranges"));
        seeds.Identities.ShouldBe(Path.Combine(_first.Path, "seeds", "identities.json"));
    }

    [Fact]
    public void SeedsOnlyUnderTheSecondRoot_Found()
    {
        WithRanges(_second);

        SeedDirectory.Locate(_first.Path, _second.Path).Path.ShouldBe(Path.Combine(_second.Path, "seeds"));
    }

    [Fact]
    public void SeedsFolderWithoutRanges_Skipped()
    {
        Directory.CreateDirectory(Path.Combine(_first.Path, "seeds"));
        WithRanges(_second);

        SeedDirectory.Locate(_first.Path, _second.Path).Path.ShouldBe(Path.Combine(_second.Path, "seeds"));
    }

    [Fact]
    public void NoSeedsAnywhere_FailsNamingEveryPlace()
    {
        var error = Should.Throw<DirectoryNotFoundException>(() => SeedDirectory.Locate(_first.Path, _second.Path));

        error.Message.ShouldContain(Path.Combine(_first.Path, "seeds"));
        error.Message.ShouldContain(Path.Combine(_second.Path, "seeds"));
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static void WithRanges(TempDirectory root) => Directory.CreateDirectory(Path.Combine(root.Path, "seeds", "ranges"));
}
