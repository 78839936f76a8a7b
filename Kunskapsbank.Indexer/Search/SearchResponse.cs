using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Search;

/// <summary>The answer to a <see cref="SearchRequest"/>; the CLI's --json and the API return this shape.</summary>
/// <param name="Total">Number of matching documents (after filters).</param>
/// <param name="Facets">Counts by facet id; a facet's counts ignore its own selection and respect the others'.</param>
/// <param name="Suggestion">"Menade du …?" text, when a correction was found (equal to <paramref name="CorrectedQuery"/> when that is set).</param>
/// <param name="PartialMatch">True when no document matched every term and these are the best partial matches.</param>
/// <param name="CorrectedQuery">Set when the hits are for this corrected query because a word as typed is in no document ("Visar träffar för …").</param>
public sealed record SearchResponse(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? Suggestion,
    bool PartialMatch,
    string? CorrectedQuery,
    SearchExplanation? Explain);

/// <summary>One document in the results: its summary, score, facets and best passages.</summary>
public sealed record SearchHit : DocumentSummary
{
    /// <summary>A hit for <paramref name="summary"/>.</summary>
    public SearchHit(DocumentSummary summary, double score, IReadOnlyDictionary<string, IReadOnlyList<string>> facets, IReadOnlyList<HitPassage> passages)
        : base(summary)
    {
        Score = score;
        Facets = facets;
        Passages = passages;
    }

    /// <summary>Relevance score (BM25F times the status factor), rounded to four decimals.</summary>
    public double Score { get; init; }

    /// <summary>Facet value ids by facet id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Facets { get; init; }

    /// <summary>Up to three best passages, best first.</summary>
    public IReadOnlyList<HitPassage> Passages { get; init; }

    /// <summary>The document whose path equals <see cref="DocumentSummary.SupersededBy"/>, when it is in the index.</summary>
    public DocumentReference? ReplacedBy { get; init; }

    /// <summary>True when the query matched the title but no passage (so no passage is shown as the answer).</summary>
    public bool TitleOnly { get; init; }
}

/// <summary>Another document of the index, by id and title.</summary>
public sealed record DocumentReference(long Id, string Title);

/// <summary>A best passage of a hit.</summary>
/// <param name="Page">PDF page, or null.</param>
/// <param name="Heading">Innermost heading, or null.</param>
/// <param name="Snippet">HTML-escaped text with matched terms in &lt;mark&gt;.</param>
/// <param name="Text">The whole passage as plain text (the support line expands it inline).</param>
/// <param name="IsOcr">True when the text was read from a scanned page by OCR ("tolkad text").</param>
public sealed record HitPassage(long PassageId, int? Page, string? Heading, string Snippet, string Text, bool IsOcr = false);

/// <summary>A facet value and how many matching documents carry it.</summary>
public sealed record FacetCount(string Id, string Label, int Count, bool Selected);

/// <summary>What the engine did with a query, for the explain option.</summary>
/// <param name="ParsedQuery">The query tree as text.</param>
/// <param name="Terms">Analysed terms with their kind (exact, stem, part, prefix).</param>
/// <param name="TimingsMs">Milliseconds per stage: parse, match, rank, facet, highlight.</param>
/// <param name="LuceneQuery">The Lucene query the analysed text became (<c>Query.ToString()</c>).</param>
/// <param name="Hits">Each hit's score explanation from Lucene, in result order.</param>
public sealed record SearchExplanation(
    string ParsedQuery,
    IReadOnlyList<string> Terms,
    IReadOnlyDictionary<string, double> TimingsMs,
    string LuceneQuery,
    IReadOnlyList<HitExplanation> Hits);

/// <summary>Why one hit scored what it did.</summary>
/// <param name="Explanation">Lucene's explanation tree as text, with the status factor applied last.</param>
public sealed record HitExplanation(long Id, double Score, string Explanation);
