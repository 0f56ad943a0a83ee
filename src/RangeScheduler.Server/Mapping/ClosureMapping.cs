using RangeScheduler.Domain.Ranges;
using RangeScheduler.Domain.Spatial;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Mapping;

/// <summary>Closures between the contract and the domain.</summary>
internal static class ClosureMapping
{
    /// <summary>The closure of a CreateClosure request, with the id and version the server gives it.</summary>
    public static Closure ToDomain(V1.Closure? closure, string id, string path)
    {
        var errors = new MappingErrors();
        if (closure is null)
        {
            errors.Add(path, "must be set");
            errors.ThrowIfAny();
        }
        var footprint = closure!.Footprint is null ? null : GeoMapping.ToDomain(closure.Footprint, $"{path}.footprint", errors);
        VerticalBand? vertical = closure.Vertical is null ? null : new VerticalBand(closure.Vertical.LowerM, closure.Vertical.UpperM);
        var window = GeoMapping.ToDomain(closure.Window, $"{path}.window", errors);
        var kinds = EnumMapping.VehicleKinds(closure.VehicleKinds, $"{path}.vehicle_kinds", errors);
        errors.RequireNotEmpty(closure.RangeId, $"{path}.range_id");
        errors.ThrowIfAny();
        return new Closure(id, closure.RangeId, footprint, vertical, window!.Value, closure.Reason, kinds, 1);
    }

    public static V1.Closure ToContract(Closure closure)
    {
        var contract = new V1.Closure
        {
            Id = closure.Id,
            RangeId = closure.RangeId,
            Footprint = closure.Footprint is null ? null : GeoMapping.ToContract(closure.Footprint),
            Vertical = closure.Vertical is { } band ? GeoMapping.ToContract(band) : null,
            Window = GeoMapping.ToContract(closure.Window),
            Reason = closure.Reason,
            Version = (ulong)closure.Version,
        };
        contract.VehicleKinds.Add(closure.VehicleKinds.Select(EnumMapping.ToContract<VehicleKind, V1.VehicleKind>));
        return contract;
    }
}
