namespace RangeScheduler.Domain.Validation;

/// <summary>
/// Collects every <see cref="FieldViolation"/> of one request, so that the caller learns all
/// that is wrong at once (DESIGN.md, "Status codes": the message names every offending field
/// path, not just the first). Not thread-safe: one instance per request.
/// </summary>
public sealed class ValidationErrors
{
    private readonly List<FieldViolation> _violations = [];

    /// <summary>In the order found.</summary>
    public IReadOnlyList<FieldViolation> Violations => _violations;

    /// <summary>
    /// How many violations have been found so far. Validators compare it before and after a
    /// part to decide whether later checks that need that part intact (geometry, area) can run.
    /// </summary>
    public int Count => _violations.Count;

    public bool IsEmpty => _violations.Count == 0;

    public void Add(string field, string description) => _violations.Add(new FieldViolation(field, description));

    /// <summary>Throws one <see cref="InvalidRequestException"/> listing every violation, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new InvalidRequestException(_violations.ToList());
        }
    }
}
