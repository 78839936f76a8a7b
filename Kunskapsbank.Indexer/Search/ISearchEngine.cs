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
/// <param name="Path">Relative to the corpus root, forward slashes.</param>
/// <param name="ContentType">MIME type of the original file.</param>
/// <param name="Tags">Facet values with their source and reason.</param>
/// <param name="ReplacedBy">The document whose path equals <paramref name="SupersededBy"/>, when it is in the index.</param>
public sealed record DocumentDetails(
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
    IReadOnlyList<Metadata.FacetTag> Tags,
    IReadOnlyList<DocumentPassage> Passages,
    DocumentReference? ReplacedBy = null);

/// <summary>One stored passage of a document.</summary>
/// <param name="IsOcr">True when the text was read from a scanned page by OCR ("tolkad text").</param>
public sealed record DocumentPassage(long Id, int Ordinal, int? Page, IReadOnlyList<string> HeadingPath, string Text, bool IsOcr = false);
