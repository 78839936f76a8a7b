using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Api.Controllers;

/// <summary>A document as /api/documents/{id} returns it: the stored details plus an outline and the file's address.</summary>
/// <param name="FileUrl">Where the original file is served; add `#page=N` for a PDF page.</param>
/// <param name="Outline">Pages for paged documents, otherwise the headings in order.</param>
public sealed record DocumentView(
    long Id,
    string Path,
    string Title,
    string? Publisher,
    int? Year,
    string? DocumentType,
    string Status,
    string? SupersededBy,
    string ContentType,
    int? PageCount,
    string FileUrl,
    IReadOnlyList<FacetTag> Tags,
    IReadOnlyList<OutlineEntry> Outline,
    IReadOnlyList<DocumentPassage> Passages)
{
    /// <summary>Builds the view of <paramref name="document"/>.</summary>
    public static DocumentView Of(DocumentDetails document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentView(
            document.Id,
            document.Path,
            document.Title,
            document.Publisher,
            document.Year,
            document.DocumentType,
            document.Status,
            document.SupersededBy,
            document.ContentType,
            document.PageCount,
            $"/api/documents/{document.Id}/file",
            document.Tags,
            OutlineEntry.Of(document.Passages),
            document.Passages);
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
