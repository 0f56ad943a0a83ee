using RangeScheduler.Grpc.Server;

namespace RangeScheduler.Server.Hosting;

/// <summary>Where and how the server listens (DESIGN.md, "Running").</summary>
internal static class Listening
{
    /// <summary>Loopback only: the embedded default server is not meant to be reachable from other machines.</summary>
    public const string DefaultAddress = "127.0.0.1:5080";

    // The standard ways to give addresses: --urls / ASPNETCORE_URLS and the port settings.
    private static readonly string[] AddressKeys = ["urls", "http_ports", "https_ports"];

    /// <summary>
    /// HTTP/2 on every endpoint (h2c on <c>http://</c>), the TLS certificate when one is
    /// configured, and the default address when none is given.
    /// </summary>
    public static void ConfigureListening(this WebApplicationBuilder builder, TlsOptions tls)
    {
        var certificate = string.IsNullOrEmpty(tls.CertificatePath)
            ? null
            : TlsCertificate.Load(tls, builder.Environment.ContentRootPath);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureGrpcDefaults();
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });
        if (!AddressKeys.Any(key => !string.IsNullOrEmpty(builder.Configuration[key])))
        {
            builder.WebHost.UseUrls((certificate is null ? "http://" : "https://") + DefaultAddress);
        }
    }
}
