using RangeScheduler.Domain.Validation;

namespace RangeScheduler.Server.Mapping;

/// <summary>
/// What cannot even be turned into a domain request — an unset footprint, window or band,
/// an unknown enum value, a timestamp out of range — each at its contract field path. The
/// domain validators check everything else.
/// </summary>
internal sealed class MappingErrors
{
    private readonly List<FieldViolation> _violations = new();

    public void Add(string field, string description) => _violations.Add(new FieldViolation(field, description));

    /// <summary>An id or name the request must carry.</summary>
    public void RequireNotEmpty(string value, string field)
    {
        if (value.Length == 0)
        {
            Add(field, "must not be empty");
        }
    }

    /// <summary>For a request whose only field to check is <paramref name="field"/>: throws at once when it is empty.</summary>
    public static void ThrowIfEmpty(string value, string field)
    {
        var errors = new MappingErrors();
        errors.RequireNotEmpty(value, field);
        errors.ThrowIfAny();
    }

    /// <summary>Throws one <see cref="InvalidRequestException"/> listing every problem found so far.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new InvalidRequestException(_violations.ToList());
        }
    }
}
