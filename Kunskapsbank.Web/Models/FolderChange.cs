using System.Globalization;
using Kunskapsbank.Indexer.Corpus;

namespace Kunskapsbank.Web.Models;

/// <summary>One recent change to the index as an editor reads it, and as the page's live region says it.</summary>
/// <param name="KindLabel">"Tillagd", "Ändrad", "Flyttad", "Borttagen" or "Misslyckades".</param>
/// <param name="DocumentUrl">The document page, when the file is in the index now.</param>
/// <param name="Reason">Why the file failed, when it still does.</param>
public sealed record FolderChange(
    DateTimeOffset Time,
    string Kind,
    string KindLabel,
    string Path,
    string? OldPath,
    string? DocumentUrl,
    string? Reason)
{
    /// <summary>A change of the report, with what the report knows about its file now.</summary>
    public static FolderChange From(ReportedChange change, ReportedFile? fileNow)
    {
        ArgumentNullException.ThrowIfNull(change);
        var url = fileNow is { State: "indexed", DocumentId: { } id } && change.Kind != "borttagen"
            ? "/dokument/" + id.ToString(CultureInfo.InvariantCulture)
            : null;
        var reason = change.Kind == "misslyckad" && fileNow is { State: "failed" } ? fileNow.Reason : null;
        return new FolderChange(change.Time, change.Kind, KindLabelOf(change.Kind), change.Path, change.OldPath, url, reason);
    }

    /// <summary>The change as one sentence, for the live region and the JSON status.</summary>
    public string Sentence => Kind switch
    {
        "tillagd" => $"{Path} är tillagd och sökbar.",
        "andrad" => $"{Path} är ändrad och indexerad på nytt.",
        "flyttad" when OldPath is not null => $"{OldPath} är flyttad till {Path}.",
        "flyttad" => $"{Path} är flyttad.",
        "borttagen" => $"{Path} är borttagen ur dokumentmappen.",
        "misslyckad" when Reason is not null => $"{Path} kunde inte indexeras: {Reason}",
        "misslyckad" => $"{Path} kunde inte indexeras.",
        _ => $"{Path}: {KindLabel}.",
    };

    /// <summary>The CSS modifier of the change's label.</summary>
    public string KindClass => Kind == "misslyckad" ? "andring-misslyckad" : Kind == "borttagen" ? "andring-borttagen" : "andring-ok";

    private static string KindLabelOf(string kind) => kind switch
    {
        "tillagd" => "Tillagd",
        "andrad" => "Ändrad",
        "flyttad" => "Flyttad",
        "borttagen" => "Borttagen",
        "misslyckad" => "Misslyckades",
        _ => kind,
    };
}
