using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RangeScheduler.Server.Tests.Support;

/// <summary>A self-signed server certificate for 127.0.0.1, in the file formats the server reads.</summary>
internal sealed class TestCertificate : IDisposable
{
    public const string Password = "test-password";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestCertificate()
    {
        var request = new CertificateRequest("CN=127.0.0.1", _key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public X509Certificate2 Certificate { get; }

    public byte[] Pfx => Certificate.Export(X509ContentType.Pfx, Password);

    public string CertificatePem => Certificate.ExportCertificatePem();

    public string KeyPem => _key.ExportPkcs8PrivateKeyPem();

    public string EncryptedKeyPem => _key.ExportEncryptedPkcs8PrivateKeyPem(
        Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));

    /// <summary>A client handler that trusts this certificate, and only it.</summary>
    public HttpMessageHandler TrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == Certificate.GetCertHashString() },
    };

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
