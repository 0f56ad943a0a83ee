namespace RangeScheduler.Server.Hosting;

/// <summary>
/// The <c>RangeScheduler</c> configuration section (DESIGN.md, "Running"): appsettings,
/// environment variables such as <c>RangeScheduler__Store</c>, or command-line
/// <c>--RangeScheduler:Store=…</c>. Defaults are in <see cref="EmbeddedDefaults"/>.
/// </summary>
public sealed class RangeSchedulerOptions
{
    public const string Section = "RangeScheduler";

    /// <summary>
    /// Where ranges, closures and bookings are kept: <c>Data Source=&lt;file&gt;</c> for
    /// SQLite, <c>Host=…</c> for PostgreSQL. Carried, not yet used: the ranges come from the seeds.
    /// </summary>
    public string Store { get; set; } = "";

    /// <summary>Redis endpoint for the telemetry bus across instances; unset: the in-process bus.</summary>
    public string? Redis { get; set; }

    /// <summary>Path of the principals file, relative to the content root; unset: the development identities in <c>seeds/</c>.</summary>
    public string? Principals { get; set; }

    public TlsOptions Tls { get; set; } = new();
}

/// <summary>
/// The <c>RangeScheduler:Tls</c> section. With a certificate the default address is served
/// as HTTPS (ALPN h2), as is every <c>https://</c> address given with <c>--urls</c>.
/// </summary>
public sealed class TlsOptions
{
    /// <summary>A PKCS#12 (.pfx) file, or a PEM certificate with its key in the same file or in <see cref="KeyPath"/>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PKCS#12 password, or the password of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>A PEM key file, when the PEM certificate file does not hold the key.</summary>
    public string? KeyPath { get; set; }
}
