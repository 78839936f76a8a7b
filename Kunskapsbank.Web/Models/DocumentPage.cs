using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Web.Models;

/// <summary>The document page: the stored document, and the passages that match the query the user came with.</summary>
/// <param name="Matches">Null when no query was given; empty when the query does not match this document.</param>
/// <param name="TagGroups">Facet heading and value labels of the document's tags, in display order.</param>
/// <param name="DocumentTypeLabel">The Swedish name of the document type.</param>
public sealed record DocumentPage(
    DocumentDetails Document,
    string Query,
    IReadOnlyList<HitPassage>? Matches,
    string? InputError,
    IReadOnlyList<TagGroup> TagGroups,
    string? DocumentTypeLabel)
{
    /// <summary>One entry of the outline: a heading path or a page, and where it starts.</summary>
    public sealed record OutlineEntry(string Label, int Depth, int? Page);

    /// <summary>Headings when the document has them (Word, Markdown), otherwise its pages.</summary>
    public IReadOnlyList<OutlineEntry> Outline
    {
        get
        {
            var entries = new List<OutlineEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var passage in Document.Passages)
            {
                if (passage.HeadingPath.Count == 0)
                {
                    continue;
                }

                var key = string.Join('\u001f', passage.HeadingPath);
                if (seen.Add(key))
                {
                    entries.Add(new OutlineEntry(passage.HeadingPath[^1], passage.HeadingPath.Count, passage.Page));
                }
            }

            if (entries.Count > 0)
            {
                return entries;
            }

            return Document.Passages
                .Where(p => p.Page is not null)
                .Select(p => p.Page!.Value)
                .Distinct()
                .Order()
                .Select(p => new OutlineEntry($"Sida {p}", 1, p))
                .ToList();
        }
    }
}

/// <summary>A facet heading and the document's values in it.</summary>
public sealed record TagGroup(string Facet, IReadOnlyList<string> Values);
