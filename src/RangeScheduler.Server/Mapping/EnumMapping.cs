using RangeScheduler.Domain.Ranges;
using V1 = RangeScheduler.Contracts.V1;

namespace RangeScheduler.Server.Mapping;

/// <summary>
/// Contract enums to domain enums. The domain's values carry the contract's numbers, so a
/// cast maps them; what is checked here is that a value off the wire is one the contract
/// defines and, where it must be, not UNSPECIFIED.
/// </summary>
internal static class EnumMapping
{
    public static VehicleKind? VehicleKind(V1.VehicleKind kind, string path, MappingErrors errors) =>
        Defined<V1.VehicleKind, VehicleKind>(kind, path, errors, allowUnspecified: false);

    public static IReadOnlyList<VehicleKind> VehicleKinds(IEnumerable<V1.VehicleKind> kinds, string path, MappingErrors errors) =>
        kinds.Select((kind, i) => VehicleKind(kind, $"{path}[{i}]", errors)).OfType<VehicleKind>().ToList();

    public static TDomain? Defined<TContract, TDomain>(TContract value, string path, MappingErrors errors, bool allowUnspecified)
        where TContract : struct, Enum
        where TDomain : struct, Enum
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        if (!Enum.IsDefined(value) || (number == 0 && !allowUnspecified))
        {
            errors.Add(path, number == 0 ? "must be set" : $"{number} is not a known {typeof(TContract).Name}");
            return null;
        }
        return (TDomain)Enum.ToObject(typeof(TDomain), number);
    }

    public static TContract ToContract<TDomain, TContract>(TDomain value)
        where TDomain : struct, Enum
        where TContract : struct, Enum =>
        (TContract)Enum.ToObject(typeof(TContract), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
}
