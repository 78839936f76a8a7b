using System.Globalization;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Web.Models;

/// <summary>A document's status as a reader sees it: "Gällande", "Upphävd", or "Ersatt av" what replaces it.</summary>
/// <param name="Label">"Gällande", "Upphävd", "Ersatt av" (followed by the replacement) or "Ersatt av ett nyare dokument".</param>
/// <param name="Replacement">The replacing document when it is in the index: its title is shown as a link.</param>
/// <param name="ReplacementName">What the editor wrote ("ersatt av: …") when that document is not in the index.</param>
public sealed record DocumentStatus(string Label, string CssClass, DocumentReference? Replacement, string? ReplacementName)
{
    /// <summary>The status of a hit.</summary>
    public static DocumentStatus Of(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return Of(hit.Status, hit.SupersededBy, hit.ReplacedBy);
    }

    /// <summary>The status of a stored document.</summary>
    public static DocumentStatus Of(DocumentDetails document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Of(document.Status, document.SupersededBy, document.ReplacedBy);
    }

    /// <summary>The status for the engine's slug (`gallande`, `ersatt`, `upphavd`) and what replaces the document.</summary>
    public static DocumentStatus Of(string status, string? supersededBy, DocumentReference? replacedBy) => status switch
    {
        // The title of a document in the index says more than a file name, and the link leads to it.
        "ersatt" when replacedBy is not null => new("Ersatt av", "status-ersatt", replacedBy, null),
        "ersatt" when !string.IsNullOrWhiteSpace(supersededBy) => new("Ersatt av", "status-ersatt", null, supersededBy.Trim()),
        "ersatt" => new("Ersatt av ett nyare dokument", "status-ersatt", null, null),
        "upphavd" => new("Upphävd", "status-upphavd", null, null),
        _ => new("Gällande", "status-gallande", null, null),
    };

    /// <summary>The document page of the replacement, when it is in the index.</summary>
    public string? ReplacementUrl => Replacement is { } r ? "/dokument/" + r.Id.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>The whole status as plain text ("Ersatt av Vägledning …").</summary>
    public string Text => Replacement is { } r ? $"{Label} {r.Title}" : ReplacementName is { } name ? $"{Label} {name}" : Label;
}
