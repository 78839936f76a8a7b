using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kunskapsbank.Indexer.Search;

/// <summary>The one JSON shape of search results, shared by the CLI's --json and the API.</summary>
public static class SearchJson
{
    /// <summary>camelCase, enums as strings, å/ä/ö written as themselves; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same, indented for people reading a terminal.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,

            // Relaxed escaping keeps Swedish letters readable; the JSON is served as application/json, never inlined in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
