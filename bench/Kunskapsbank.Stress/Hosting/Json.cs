using System.Text.Json;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>Tolerant readers for the search JSON (camelCase from the API, any casing from the CLI).</summary>
public static class Json
{
    /// <summary>A property by name, ignoring case; null when absent or when <paramref name="element"/> is no object.</summary>
    public static JsonElement? Get(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>`total` of a search response (or -1).</summary>
    public static int Total(this JsonElement response) =>
        response.Get("total") is { ValueKind: JsonValueKind.Number } total ? total.GetInt32() : -1;

    /// <summary>The `hits` array (empty when absent).</summary>
    public static IEnumerable<JsonElement> Hits(this JsonElement response) =>
        response.Get("hits") is { ValueKind: JsonValueKind.Array } hits ? hits.EnumerateArray() : [];

    /// <summary>A string property or null.</summary>
    public static string? GetString(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A numeric property as long, or null.</summary>
    public static long? GetInt64(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt64() : null;

    /// <summary>A numeric property as double, or null.</summary>
    public static double? GetDouble(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;
}
