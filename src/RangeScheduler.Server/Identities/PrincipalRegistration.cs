using RangeScheduler.Grpc;
using RangeScheduler.Server.Hosting;

namespace RangeScheduler.Server.Identities;

/// <summary>Wires the principals and the authentication interceptor.</summary>
internal static class PrincipalRegistration
{
    /// <summary>
    /// Loads the principals now, so that a bad file stops start-up with its problems listed
    /// instead of failing the first call: the file named by <c>RangeScheduler:Principals</c>,
    /// or else the development identities, whose derived keys are checked and printed.
    /// </summary>
    public static IServiceCollection AddPrincipals(this IServiceCollection services, string? principalsPath, string contentRoot, SeedDirectory seeds)
    {
        if (!string.IsNullOrEmpty(principalsPath))
        {
            services.AddSingleton(PrincipalCatalog.Load(Path.Combine(contentRoot, principalsPath)));
        }
        else
        {
            var catalog = PrincipalCatalog.Load(seeds.Identities);
            DevelopmentKeys.Verify(catalog, seeds.Identities);
            services.AddSingleton(catalog);
            services.AddSingleton(new DevelopmentIdentities(seeds.Identities));
            services.AddHostedService<DevelopmentKeyBanner>();
        }
        return services.AddSingleton<IServerCallInterceptor, AuthenticationInterceptor>();
    }
}
