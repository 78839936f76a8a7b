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
    /// <summary>The extracted text with headings, page markers and passage anchors.</summary>
    public DocumentText Text { get; } = DocumentText.Of(Document.Passages);
}

/// <summary>A facet heading and the document's values in it.</summary>
public sealed record TagGroup(string Facet, IReadOnlyList<string> Values);
