using RangeScheduler.Domain.Validation;
using RangeScheduler.Grpc;
using RangeScheduler.Storage;
using RangeScheduler.Telemetry;

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

    /// <summary>The status a domain rule's refusal, or a store failure, ends a call with.</summary>
    public static RpcException From(Exception error) => error switch
    {
        InvalidRequestException invalid => InvalidArgument(invalid.Violations),
        NotFoundException notFound => NotFound(notFound.Kind, notFound.Id),
        AlreadyExistsException => Error(StatusCode.AlreadyExists, error.Message),
        StaleVersionException => Error(StatusCode.Aborted, error.Message),
        IllegalTransitionException => Error(StatusCode.FailedPrecondition, error.Message),
        StoreUnavailableException => Error(StatusCode.Unavailable, "the store is unavailable: " + error.Message),
        RangeBusUnavailableException => Error(StatusCode.Unavailable, "the telemetry bus is unavailable: " + error.Message),
        _ => throw new ArgumentException($"{error.GetType().Name} is not a domain or store failure", nameof(error)),
    };

    /// <summary>True for the failures <see cref="From"/> maps.</summary>
    public static bool IsMapped(Exception error) =>
        error is DomainException or StoreUnavailableException or RangeBusUnavailableException;

    private static RpcException Error(StatusCode code, string detail) => new(new Status(code, detail));
}
