using Microsoft.Extensions.Configuration.Memory;

namespace RangeScheduler.Server.Hosting;

/// <summary>
/// The configuration of the embedded default server (DESIGN.md, "Running"), held in code so
/// that the server needs no appsettings file wherever it is started from. It is the first
/// configuration source, so appsettings, environment variables and the command line all
/// override it.
/// </summary>
public static class EmbeddedDefaults
{
    /// <summary>The SQLite file under <c>./data</c>.</summary>
    public const string Store = "Data Source=data/rangescheduler.db";

    private static readonly Dictionary<string, string?> Values = new()
    {
        [$"{RangeSchedulerOptions.Section}:{nameof(RangeSchedulerOptions.Store)}"] = Store,
        ["Logging:LogLevel:Default"] = "Information",
        // Kestrel logs every HTTP request at Information; the call log already says the same.
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        // Quartz reports its configuration at Information; its warnings and errors still show.
        ["Logging:LogLevel:Quartz"] = "Warning",
    };

    public static void AddTo(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Values });
}
