using RangeScheduler.Server.Hosting;
using RangeScheduler.Server.Tests.Support;

namespace RangeScheduler.Server.Tests.Hosting;

public sealed class TlsCertificateTests : IDisposable
{
    private readonly TestCertificate _certificate = new();
    private readonly TempDirectory _folder = new();

    [Fact]
    public void Pfx_LoadedWithItsKey() =>
        Loaded(new TlsOptions { CertificatePath = _folder.Write("server.pfx", _certificate.Pfx), CertificatePassword = TestCertificate.Password });

    [Fact]
    public void PemWithKeyInTheSameFile_Loaded() =>
        Loaded(new TlsOptions { CertificatePath = _folder.Write("server.pem", _certificate.CertificatePem + "\n" + _certificate.KeyPem) });

    [Fact]
    public void PemWithKeyFile_Loaded() =>
        Loaded(new TlsOptions { CertificatePath = _folder.Write("server.crt", _certificate.CertificatePem), KeyPath = _folder.Write("server.key", _certificate.KeyPem) });

    [Fact]
    public void PemWithEncryptedKey_LoadedWithPassword() =>
        Loaded(new TlsOptions
        {
            CertificatePath = _folder.Write("server.crt", _certificate.CertificatePem),
            KeyPath = _folder.Write("server.key", _certificate.EncryptedKeyPem),
            CertificatePassword = TestCertificate.Password,
        });

    [Fact]
    public void RelativePath_ResolvedAgainstTheContentRoot()
    {
        _folder.Write("server.pfx", _certificate.Pfx);

        using var loaded = TlsCertificate.Load(new TlsOptions { CertificatePath = "server.pfx", CertificatePassword = TestCertificate.Password }, _folder.Path);

        loaded.HasPrivateKey.ShouldBeTrue();
    }

    [Fact]
    public void MissingFile_FailsNamingTheSetting() =>
        Refused(new TlsOptions { CertificatePath = Path.Combine(_folder.Path, "none.pfx") }).ShouldContain("RangeScheduler:Tls:CertificatePath");

    [Fact]
    public void PfxWithWrongPassword_Fails() =>
        Refused(new TlsOptions { CertificatePath = _folder.Write("server.pfx", _certificate.Pfx), CertificatePassword = "wrong" });

    [Fact]
    public void PemWithoutKey_Fails() =>
        Refused(new TlsOptions { CertificatePath = _folder.Write("server.crt", _certificate.CertificatePem) });

    public void Dispose()
    {
        _certificate.Dispose();
        _folder.Dispose();
    }

    private void Loaded(TlsOptions options)
    {
        using var loaded = TlsCertificate.Load(options, _folder.Path);
        loaded.HasPrivateKey.ShouldBeTrue();
        loaded.Thumbprint.ShouldBe(_certificate.Certificate.Thumbprint);
    }

    private string Refused(TlsOptions options)
    {
        var error = Should.Throw<InvalidOperationException>(() => TlsCertificate.Load(options, _folder.Path));
        error.Message.ShouldContain(options.CertificatePath!);
        return error.Message;
    }
}
