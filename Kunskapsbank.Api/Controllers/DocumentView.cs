using System.Text.Json.Serialization;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Api.Controllers;

/// <summary>A document as /api/documents/{id} returns it: the stored details plus an outline and the file's address.</summary>
public sealed record DocumentView : DocumentDetails
{
    // The view's own fields go last in JSON, after the details it adds them to.
    private DocumentView(DocumentDetails document)
        : base(document)
    {
        FileUrl = $"/api/documents/{document.Id}/file";
        Outline = OutlineEntry.Of(document.Passages);
    }

    /// <summary>Where the original file is served; add `#page=N` for a PDF page.</summary>
    [JsonPropertyOrder(1)]
    public string FileUrl { get; init; }

    /// <summary>Pages for paged documents, otherwise the headings in order.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<OutlineEntry> Outline { get; init; }

    /// <summary>Builds the view of <paramref name="document"/>.</summary>
    public static DocumentView Of(DocumentDetails document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentView(document);
    }
}

/// <summary>One entry of a document's outline, pointing at the first passage it covers.</summary>
/// <param name="Label">`Sida 3` or the heading text.</param>
/// <param name="Level">1 for pages and top headings, deeper headings count up.</param>
public sealed record OutlineEntry(string Label, int Level, int? Page, long PassageId)
{
    /// <summary>Pages when the passages have pages, otherwise each new heading path in order.</summary>
    public static IReadOnlyList<OutlineEntry> Of(IReadOnlyList<DocumentPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var outline = new List<OutlineEntry>();
        if (passages.Any(p => p.Page is not null))
        {
            foreach (var group in passages.Where(p => p.Page is not null).GroupBy(p => p.Page!.Value).OrderBy(g => g.Key))
            {
                outline.Add(new OutlineEntry($"Sida {group.Key}", 1, group.Key, group.First().Id));
            }

            return outline;
        }

        IReadOnlyList<string> previous = [];
        foreach (var passage in passages.OrderBy(p => p.Ordinal))
        {
            var path = passage.HeadingPath;
            if (path.Count > 0 && !path.SequenceEqual(previous, StringComparer.Ordinal))
            {
                outline.Add(new OutlineEntry(path[^1], path.Count, null, passage.Id));
            }

            previous = path;
        }

        return outline;
    }
}
