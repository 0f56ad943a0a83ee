using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RangeScheduler.Grpc.Client;
using RangeScheduler.Grpc.Tests.Echo;
using RangeScheduler.Grpc.Tests.TestServices;

namespace RangeScheduler.Grpc.Tests.Server;

public sealed class TlsTests
{
    [Fact]
    public async Task CertificateConfigured_CallsServedOverHttp2WithTls()
    {
        using var certificate = SelfSigned();
        await using var server = await TestServer.StartAsync(configureKestrel: k =>
            k.Listen(IPAddress.Loopback, 0, endpoint => endpoint.UseHttps(certificate)));
        server.Address.ShouldStartWith("https://");
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        using var channel = server.CreateChannel(new GrpcChannelOptions { HttpHandler = handler });

        (await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest { Text = "secure" })).Text.ShouldBe("secure");
    }

    [Fact]
    public async Task UntrustedCertificate_Unavailable()
    {
        using var certificate = SelfSigned();
        await using var server = await TestServer.StartAsync(configureKestrel: k =>
            k.Listen(IPAddress.Loopback, 0, endpoint => endpoint.UseHttps(certificate)));
        using var channel = server.CreateChannel();

        (await Should.ThrowAsync<RpcException>(async () => await channel.AsyncUnaryCall(EchoMethods.Echo, new EchoRequest())))
            .StatusCode.ShouldBe(StatusCode.Unavailable);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}
