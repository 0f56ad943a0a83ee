using RangeScheduler.Grpc;
using RangeScheduler.Server.Errors;

namespace RangeScheduler.Server.Identities;

/// <summary>
/// Identifies the caller from <c>authorization: Bearer &lt;api key&gt;</c> and checks the
/// method against <see cref="AccessRules"/> before the handler runs (DESIGN.md,
/// "Identities"): no or an unknown key ends the call with UNAUTHENTICATED, a known key
/// without the right with PERMISSION_DENIED. Health and reflection need no key; a known
/// caller asking for a method outside the contract learns it is UNIMPLEMENTED.
/// </summary>
public sealed class AuthenticationInterceptor(PrincipalCatalog catalog) : IServerCallInterceptor
{
    private const string Scheme = "Bearer";

    public Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
    {
        if (AccessRules.IsPublic(context.Method))
        {
            return next(context);
        }
        var key = BearerKey(context.RequestHeaders.GetValue("authorization"))
            ?? throw StatusErrors.Unauthenticated($"send the API key as 'authorization: {Scheme} <api key>'");
        var principal = catalog.FindByKey(key) ?? throw StatusErrors.Unauthenticated("unknown API key");
        // Set before the access check, so that a refused call is logged with who made it.
        context.SetPrincipal(principal);
        if (AccessRules.Governs(context.Method) && !AccessRules.Allows(principal.Role, context.Method))
        {
            throw StatusErrors.PermissionDenied($"{principal.Role.Name()} {principal.Id} may not call {context.Method}");
        }
        return next(context);
    }

    /// <summary>The key of a <c>Bearer</c> credential; the scheme is case-insensitive (RFC 9110, 11.1).</summary>
    private static string? BearerKey(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var key = authorization[(Scheme.Length + 1)..].Trim();
        return key.Length == 0 ? null : key;
    }
}
