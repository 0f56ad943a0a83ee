using RangeScheduler.Server.Logging;

namespace RangeScheduler.Server.Identities;

/// <summary>
/// Prints the development principals and their keys at start-up, so that a developer can
/// call the server without looking keys up (DESIGN.md, "Identities"). Registered only when
/// the server runs on the development identities.
/// </summary>
internal sealed class DevelopmentKeyBanner(PrincipalCatalog catalog, DevelopmentIdentities identities, ILogger<DevelopmentKeyBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ServerLog.DevelopmentIdentities(logger, identities.Path);
        foreach (var principal in catalog.Principals)
        {
            ServerLog.DevelopmentKey(logger, principal.Id, principal.Role.Name(), DevelopmentKeys.For(principal));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Marks a server running on the development identities, and where they came from.</summary>
internal sealed record DevelopmentIdentities(string Path);
