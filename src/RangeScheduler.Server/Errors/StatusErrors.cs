using RangeScheduler.Grpc;

namespace RangeScheduler.Server.Errors;

/// <summary>
/// The one place where the server decides which gRPC status a failure ends a call with
/// (DESIGN.md, "Status codes"). Handlers and interceptors throw what these return, so a
/// client sees the same code and the same wording for the same failure everywhere.
/// </summary>
public static class StatusErrors
{
    /// <summary>Bad input. The detail names every offending field path, not just the first.</summary>
    public static RpcException InvalidArgument(params IReadOnlyCollection<FieldViolation> violations) =>
        Error(StatusCode.InvalidArgument, string.Join("; ", violations));

    /// <summary>An unknown id, e.g. <c>range "nowhere" not found</c>.</summary>
    public static RpcException NotFound(string kind, string id) =>
        Error(StatusCode.NotFound, $"{kind} \"{id}\" not found");

    /// <summary>No key, or a key the server does not know.</summary>
    public static RpcException Unauthenticated(string detail) => Error(StatusCode.Unauthenticated, detail);

    /// <summary>A known caller without the right to do this.</summary>
    public static RpcException PermissionDenied(string detail) => Error(StatusCode.PermissionDenied, detail);

    private static RpcException Error(StatusCode code, string detail) => new(new Status(code, detail));
}

/// <summary>One offending field of a request, by its path in the request message.</summary>
/// <param name="Field">The proto field path, e.g. <c>volumes[1].footprint.polygon.exterior.points[3]</c>.</param>
/// <param name="Problem">What is wrong with it, e.g. <c>must not be empty</c>.</param>
public readonly record struct FieldViolation(string Field, string Problem)
{
    public override string ToString() => $"{Field}: {Problem}";
}
