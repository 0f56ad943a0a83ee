using RangeScheduler.Grpc;

namespace RangeScheduler.Server.Identities;

/// <summary>Where the authenticated principal travels from the interceptor to the handlers.</summary>
public static class CallerContext
{
    // A private object as the key, so no other code can overwrite or forge the entry.
    private static readonly object PrincipalKey = new();

    /// <summary>The caller; null on public methods (health, reflection) and before authentication.</summary>
    public static Principal? GetPrincipal(this ServerCallContext context) =>
        context.UserState.TryGetValue(PrincipalKey, out var principal) ? (Principal)principal : null;

    internal static void SetPrincipal(this ServerCallContext context, Principal principal) =>
        context.UserState[PrincipalKey] = principal;
}
