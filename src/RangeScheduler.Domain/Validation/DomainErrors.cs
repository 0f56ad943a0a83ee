namespace RangeScheduler.Domain.Validation;

/// <summary>A rule of the domain refused a request. The server maps each kind to one status code, in one place.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>INVALID_ARGUMENT: the request is malformed. Lists every offending field, not only the first.</summary>
public sealed class InvalidRequestException(IReadOnlyList<FieldViolation> violations)
    : DomainException(string.Join("; ", violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public InvalidRequestException(string field, string description) : this([new FieldViolation(field, description)]) { }
}

/// <summary>NOT_FOUND: no such range, zone, closure or booking (or none the caller may see).</summary>
public sealed class NotFoundException(string kind, string id) : DomainException($"{kind} \"{id}\" not found")
{
    public string Kind { get; } = kind;
    public string Id { get; } = id;
}

/// <summary>ALREADY_EXISTS: a range with this id exists already.</summary>
public sealed class AlreadyExistsException(string kind, string id) : DomainException($"{kind} \"{id}\" already exists");

/// <summary>ABORTED: the caller's expected version is stale; nothing was changed.</summary>
public sealed class StaleVersionException(string kind, string id, long expected, long actual)
    : DomainException($"{kind} \"{id}\" is at version {actual}, not {expected}");

/// <summary>FAILED_PRECONDITION: the change is not allowed from the current state.</summary>
public sealed class IllegalTransitionException(string message) : DomainException(message);
