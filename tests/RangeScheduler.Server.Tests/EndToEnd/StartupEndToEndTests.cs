using RangeScheduler.Contracts.Clients;
using RangeScheduler.Contracts.V1;
using RangeScheduler.Grpc;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.EndToEnd;

/// <summary>How the server starts with each kind of configuration, observed from outside.</summary>
public sealed class StartupEndToEndTests
{
    [Fact]
    public async Task DevelopmentIdentities_EveryKeyPrintedAtStartupAndWorking()
    {
        await using var server = await RunningServer.StartAsync();
        var ranges = new RangeServiceClient(server.Channel);

        var printed = server.Logs.Entries.Where(entry => entry.EventName == "DevelopmentKey").Select(entry => entry.Message).ToArray();

        server.Logs.Entries.ShouldContain(entry => entry.EventName == "DevelopmentIdentities" && entry.Level == LogLevel.Warning);
        printed.ShouldBe(
        [
            "Development principal ops-oceanalpha (operator): authorization: Bearer dev-ops-oceanalpha",
            "Development principal gs-oceanalpha-1 (ground_station): authorization: Bearer dev-gs-oceanalpha-1",
            "Development principal ops-tidewater (operator): authorization: Bearer dev-ops-tidewater",
            "Development principal ctl-wanshan (controller): authorization: Bearer dev-ctl-wanshan",
            "Development principal ctl-jaakonmeri (controller): authorization: Bearer dev-ctl-jaakonmeri",
            "Development principal root (admin): authorization: Bearer dev-root",
        ]);
        foreach (var line in printed)
        {
            var key = line[(line.LastIndexOf(' ') + 1)..];
            (await ranges.ListRangesAsync(new ListRangesRequest(), Calls.WithKey(key))).Ranges.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task ConfiguredPrincipals_TheirKeysWorkAndDevelopmentKeysDoNot()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("principals.json", Principals.GoodFile);
        await using var server = await RunningServer.StartAsync([$"--RangeScheduler:Principals={path}"]);
        var ranges = new RangeServiceClient(server.Channel);

        (await ranges.GetRangeAsync(new GetRangeRequest { RangeId = "jaakonmeri" }, Calls.WithKey("key-ops-a"))).Id.ShouldBe("jaakonmeri");
        await Calls.ShouldEndWith(StatusCode.Unauthenticated, async () => await ranges.ListRangesAsync(new ListRangesRequest(), Calls.As("ops-oceanalpha")));
        server.Logs.Entries.ShouldNotContain(entry => entry.EventName == "DevelopmentKey");
    }

    [Fact]
    public async Task CertificateConfigured_ServesGrpcOverTls()
    {
        using var certificate = new TestCertificate();
        using var folder = new TempDirectory();
        var path = folder.Write("server.pfx", certificate.Pfx);
        await using var server = await RunningServer.StartAsync(
            ["--urls=https://127.0.0.1:0", $"--RangeScheduler:Tls:CertificatePath={path}", $"--RangeScheduler:Tls:CertificatePassword={TestCertificate.Password}"],
            certificate.TrustingHandler());

        var response = await new RangeServiceClient(server.Channel).ListRangesAsync(new ListRangesRequest(), Calls.As("root"));

        server.Channel.Address.Scheme.ShouldBe("https");
        response.Ranges.Count.ShouldBe(2);
    }
}
