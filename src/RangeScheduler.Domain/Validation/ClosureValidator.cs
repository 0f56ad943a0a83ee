using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Domain.Validation;

/// <summary>
/// Whether a closure given to <c>CreateClosure</c> is well formed, with contract paths below
/// <c>closure</c> (<c>closure.window</c>, <c>closure.footprint.circle.radius_m</c>,
/// <c>closure.vertical</c>, <c>closure.vehicle_kinds[0]</c>). Its id, range and version are
/// the server's to set and are not checked.
/// </summary>
public static class ClosureValidator
{
    /// <summary>Throws one <see cref="InvalidRequestException"/> listing every violation.</summary>
    /// <param name="root">The path of the closure itself: <c>closure</c> in <c>CreateClosureRequest</c>.</param>
    public static void Validate(Closure closure, RangePlane plane, DateTimeOffset now, string root = "closure")
    {
        var errors = new ValidationErrors();
        Validate(closure, plane, now, errors, root);
        errors.ThrowIfAny();
    }

    /// <summary>
    /// Adds every violation to <paramref name="errors"/>, at paths below <paramref name="root"/>.
    /// An unset footprint (the whole range) and an unset band (every height) are valid. The
    /// window must not have ended: a closure in the past would restrict nothing. Unlike a
    /// booking it may start more than 30 days ahead, since maintenance is planned further out
    /// than test sessions.
    /// </summary>
    public static void Validate(Closure closure, RangePlane plane, DateTimeOffset now, ValidationErrors errors, string root = "closure")
    {
        if (closure.Footprint is not null)
        {
            FootprintValidator.Validate(closure.Footprint, $"{root}.footprint", errors, plane.Projection);
        }
        if (closure.Vertical is { } band)
        {
            FieldRules.VerticalBand(band, $"{root}.vertical", errors);
        }
        TimeWindowValidator.ValidateNotEnded(closure.Window, $"{root}.window", now, errors);
        FieldRules.VehicleKinds(closure.VehicleKinds, $"{root}.vehicle_kinds", errors);
    }
}
