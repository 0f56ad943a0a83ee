using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RangeScheduler.Server.Hosting;

/// <summary>Loads the server certificate named by <see cref="TlsOptions"/>, PKCS#12 or PEM.</summary>
internal static class TlsCertificate
{
    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> naming the configuration key when the
    /// file is missing or unreadable: a server configured for TLS must not start without it.
    /// </summary>
    public static X509Certificate2 Load(TlsOptions options, string contentRoot)
    {
        var path = Path.Combine(contentRoot, options.CertificatePath!);
        var keyPath = options.KeyPath is null ? null : Path.Combine(contentRoot, options.KeyPath);
        try
        {
            // The format is told by the content, not the file name: PEM is text with armour lines.
            if (File.ReadAllBytes(path).AsSpan().IndexOf("-----BEGIN"u8) < 0)
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
            }
            return options.CertificatePassword is null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, keyPath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{RangeSchedulerOptions.Section}:Tls:CertificatePath '{path}' cannot be loaded: {e.Message}", e);
        }
    }
}
