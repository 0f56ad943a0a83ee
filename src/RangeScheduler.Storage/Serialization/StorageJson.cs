using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RangeScheduler.Domain.Bookings;
using RangeScheduler.Domain.Ranges;

namespace RangeScheduler.Storage.Serialization;

/// <summary>
/// The JSON documents both stores keep: a range, a booking or a closure exactly as the
/// domain holds it (footprints as given in WGS84, never their projected polygons), so that
/// reading it back yields an equal object. Names are snake_case like the contract's fields,
/// enums are written by name, and footprints as the contract's one-of
/// (<c>{"polygon": {…}}</c>, <c>{"circle": {…}}</c>, <c>{"corridor": {…}}</c>).
/// </summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(TestRange range) => JsonSerializer.Serialize(range, Options);

    public static string Serialize(Booking booking) => JsonSerializer.Serialize(booking, Options);

    public static string Serialize(Closure closure) => JsonSerializer.Serialize(closure, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            // VerticalBand.All (a closure at every height) is a pair of infinities.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipComputedProperties } },
            Converters = { new JsonStringEnumConverter(), new FootprintJsonConverterFactory() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// A property without a setter (<see cref="Booking.Span"/>, <c>TimeWindow.Duration</c>) is
    /// derived from the others: writing it would only make documents larger.
    /// </summary>
    private static void SkipComputedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in typeInfo.Properties)
        {
            if (property.Set is null)
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }
}
