namespace RangeScheduler.Domain.Validation;

/// <summary>
/// One thing wrong with a request, at the contract field path that holds it, e.g.
/// <c>volumes[1].footprint.polygon.exterior.points[3]</c> (DESIGN.md, "Geometry").
/// </summary>
public sealed record FieldViolation(string Field, string Description)
{
    public override string ToString() => $"{Field}: {Description}";
}
