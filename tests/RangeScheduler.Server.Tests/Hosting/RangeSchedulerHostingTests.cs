using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using RangeScheduler.Server.Hosting;
using RangeScheduler.Server.Identities;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Hosting;

/// <summary>What AddRangeScheduler makes of the configuration, before anything listens.</summary>
public sealed class RangeSchedulerHostingTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void NoAddressGiven_LoopbackPort5080OverH2c() =>
        Configured([])["urls"].ShouldBe("http://127.0.0.1:5080");

    [Theory]
    [InlineData("--urls=http://0.0.0.0:7000", "urls", "http://0.0.0.0:7000")]
    [InlineData("--http_ports=7001", "urls", null)]
    [InlineData("--https_ports=7002", "urls", null)]
    public void AddressGiven_NoDefaultAddress(string argument, string key, string? expected) =>
        Configured([argument])[key].ShouldBe(expected);

    [Fact]
    public void CertificateConfigured_DefaultAddressIsHttps()
    {
        using var certificate = new TestCertificate();
        var path = _folder.Write("server.pfx", certificate.Pfx);

        Configured([$"--RangeScheduler:Tls:CertificatePath={path}", $"--RangeScheduler:Tls:CertificatePassword={TestCertificate.Password}"])["urls"]
            .ShouldBe("https://127.0.0.1:5080");
    }

    [Fact]
    public void MissingCertificate_StartupFails() =>
        Should.Throw<InvalidOperationException>(() => Configured([$"--RangeScheduler:Tls:CertificatePath={Path.Combine(_folder.Path, "none.pfx")}"]))
            .Message.ShouldContain("RangeScheduler:Tls:CertificatePath");

    [Theory]
    [InlineData("WatchdogInterval", "00:00:00")]
    [InlineData("CommandResyncInterval", "-00:00:01")]
    public void TelemetryIntervalNotPositive_StartupFailsNamingIt(string name, string value) =>
        Should.Throw<InvalidOperationException>(() => Configured([$"--RangeScheduler:Telemetry:{name}={value}"]))
            .Message.ShouldContain($"RangeScheduler:Telemetry:{name}");

    [Fact]
    public void NothingConfigured_EmbeddedDefaults()
    {
        var options = Options([]);

        options.Store.ShouldBe("Data Source=data/rangescheduler.db");
        options.Redis.ShouldBeNull();
        options.Principals.ShouldBeNull();
    }

    [Fact]
    public void CommandLine_OverridesEmbeddedDefaults()
    {
        var options = Options(["--RangeScheduler:Store=Host=db;Database=ranges", "--RangeScheduler:Redis=127.0.0.1:6379"]);

        options.Store.ShouldBe("Host=db;Database=ranges");
        options.Redis.ShouldBe("127.0.0.1:6379");
    }

    [Fact]
    public void ConfigurationFiles_NotWatched()
    {
        _folder.Write("appsettings.json", """{ "RangeScheduler": { "Redis": "127.0.0.1:6379" } }""");
        var builder = RunningServer.CreateBuilder([], _folder.Path);

        var files = builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList();

        files.ShouldNotBeEmpty();
        files.ShouldAllBe(file => !file.ReloadOnChange);
        builder.Configuration["RangeScheduler:Redis"].ShouldBe("127.0.0.1:6379");
    }

    [Fact]
    public void PrincipalsPathRelative_ReadFromTheContentRoot()
    {
        _folder.Write("principals.json", Principals.GoodFile);
        var builder = RunningServer.CreateBuilder(["--RangeScheduler:Principals=principals.json"], _folder.Path);

        using var app = builder.AddRangeScheduler().Build();

        app.Services.GetRequiredService<PrincipalCatalog>().Principals.Select(p => p.Id).ShouldBe(["ops-a", "gs-a", "ctl-x", "root"]);
        // Configured principals have secret keys: nothing prints them.
        app.Services.GetServices<IHostedService>().ShouldNotContain(service => service is DevelopmentKeyBanner);
    }

    [Fact]
    public void BadPrincipalsFile_StartupFailsListingTheProblems()
    {
        var path = _folder.Write("principals.json", """[ { "id": "x", "role": "pilot" } ]""");

        var error = Should.Throw<PrincipalFileException>(() => Configured([$"--RangeScheduler:Principals={path}"]));

        error.Path.ShouldBe(path);
        error.Problems.Count.ShouldBe(2);
    }

    public void Dispose() => _folder.Dispose();

    private static IConfiguration Configured(string[] args) =>
        RunningServer.CreateBuilder(args).AddRangeScheduler().Configuration;

    private static RangeSchedulerOptions Options(string[] args)
    {
        using var app = RunningServer.CreateBuilder(args).AddRangeScheduler().Build();
        return app.Services.GetRequiredService<IOptions<RangeSchedulerOptions>>().Value;
    }
}
