using System.Text.Json;
using System.Text.Json.Serialization;
using RangeScheduler.Domain.Spatial;

namespace RangeScheduler.Storage.Serialization;

/// <summary>
/// Makes a <see cref="FootprintJsonConverter{T}"/> for <see cref="Footprint"/> and each of its
/// shapes, since a property may be declared as either (<c>TestRange.Boundary</c> is a
/// <see cref="PolygonFootprint"/>).
/// </summary>
internal sealed class FootprintJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(Footprint).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(FootprintJsonConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>
/// A footprint as the contract's one-of: one property named for the shape. Written by hand
/// because the shapes share an abstract base and <see cref="PolygonFootprint"/> has two
/// constructors, neither of which the serializer could choose on its own.
/// </summary>
internal sealed class FootprintJsonConverter<T> : JsonConverter<T> where T : Footprint
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        reader.Read();
        Expect(ref reader, JsonTokenType.PropertyName);
        var shape = reader.GetString();
        reader.Read();
        Footprint footprint = shape switch
        {
            "polygon" => ReadPolygon(ref reader, options),
            "circle" => ReadCircle(ref reader, options),
            "corridor" => ReadCorridor(ref reader, options),
            _ => throw new JsonException($"Unknown footprint shape \"{shape}\"."),
        };
        reader.Read();
        Expect(ref reader, JsonTokenType.EndObject);
        return footprint as T ?? throw new JsonException($"A stored {shape} is not a {typeof(T).Name}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case PolygonFootprint polygon:
                writer.WriteStartObject("polygon");
                writer.WritePropertyName("exterior");
                JsonSerializer.Serialize(writer, polygon.Exterior, options);
                writer.WritePropertyName("holes");
                JsonSerializer.Serialize(writer, polygon.Holes, options);
                break;
            case CircleFootprint circle:
                writer.WriteStartObject("circle");
                writer.WritePropertyName("center");
                JsonSerializer.Serialize(writer, circle.Center, options);
                writer.WriteNumber("radius_m", circle.RadiusMeters);
                break;
            case CorridorFootprint corridor:
                writer.WriteStartObject("corridor");
                writer.WritePropertyName("path");
                JsonSerializer.Serialize(writer, corridor.Path, options);
                writer.WriteNumber("half_width_m", corridor.HalfWidthMeters);
                break;
            default:
                throw new JsonException($"Unknown footprint shape {value.GetType().Name}.");
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static PolygonFootprint ReadPolygon(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<PolygonShape>(ref reader, options) ?? throw new JsonException("A stored polygon is null.");
        return new PolygonFootprint(shape.Exterior, shape.Holes ?? []);
    }

    private static CircleFootprint ReadCircle(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<CircleShape>(ref reader, options) ?? throw new JsonException("A stored circle is null.");
        return new CircleFootprint(shape.Center, shape.RadiusM);
    }

    private static CorridorFootprint ReadCorridor(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<CorridorShape>(ref reader, options) ?? throw new JsonException("A stored corridor is null.");
        return new CorridorFootprint(shape.Path, shape.HalfWidthM);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"A stored footprint has {reader.TokenType} where {token} belongs.");
        }
    }

    private sealed record PolygonShape(List<GeoPoint> Exterior, List<IReadOnlyList<GeoPoint>>? Holes);

    private sealed record CircleShape(GeoPoint Center, double RadiusM);

    private sealed record CorridorShape(List<GeoPoint> Path, double HalfWidthM);
}
