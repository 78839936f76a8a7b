using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Search;

/// <summary>The query side of the index: search, typeahead, documents and facet overview. Thread-safe.</summary>
public interface ISearchEngine
{
    /// <summary>Parses, matches, ranks, counts facets and highlights.</summary>
    /// <exception cref="SearchInputException">Unknown facet or value, or a query that cannot be searched.</exception>
    SearchResponse Search(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Typeahead completions for what the user has typed so far (titles and frequent terms).</summary>
    IReadOnlyList<Completion> Suggest(string prefix, int limit = 8);

    /// <summary>A document with metadata, outline and passages, or null when the id is unknown.</summary>
    DocumentDetails? GetDocument(long id);

    /// <summary>The taxonomy with document counts over the whole index.</summary>
    IReadOnlyList<FacetSummary> GetFacets();

    /// <summary>Loads what searches keep in memory (document summaries, facets, vocabulary) so the first user does not wait for it.</summary>
    void Warm();
}

/// <summary>A typeahead completion.</summary>
/// <param name="Kind">`titel` for a document title (then <paramref name="DocumentId"/> is set) or `term`.</param>
public sealed record Completion(string Text, string Kind, long? DocumentId);

/// <summary>A facet with all its values and counts.</summary>
public sealed record FacetSummary(string Id, string Label, IReadOnlyList<FacetCount> Values);

/// <summary>A document as stored: metadata, where its tags came from, and its passages in order.</summary>
public record DocumentDetails : DocumentSummary
{
    /// <summary>The details of the document <paramref name="summary"/> describes.</summary>
    public DocumentDetails(DocumentSummary summary, string contentType, int? pageCount, IReadOnlyList<FacetTag> tags, IReadOnlyList<DocumentPassage> passages)
        : base(summary)
    {
        ContentType = contentType;
        PageCount = pageCount;
        Tags = tags;
        Passages = passages;
    }

    /// <summary>MIME type of the original file.</summary>
    public string ContentType { get; init; }

    /// <summary>Pages of a paged document (PDF), otherwise null.</summary>
    public int? PageCount { get; init; }

    /// <summary>Facet values with their source and reason.</summary>
    public IReadOnlyList<FacetTag> Tags { get; init; }

    /// <summary>Every passage, in document order.</summary>
    public IReadOnlyList<DocumentPassage> Passages { get; init; }

    /// <summary>The document whose path equals <see cref="DocumentSummary.SupersededBy"/>, when it is in the index.</summary>
    public DocumentReference? ReplacedBy { get; init; }
}

/// <summary>One stored passage of a document.</summary>
/// <param name="IsOcr">True when the text was read from a scanned page by OCR ("tolkad text").</param>
public sealed record DocumentPassage(long Id, int Ordinal, int? Page, IReadOnlyList<string> HeadingPath, string Text, bool IsOcr = false);
