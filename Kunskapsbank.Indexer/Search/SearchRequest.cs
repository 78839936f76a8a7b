namespace Kunskapsbank.Indexer.Search;

/// <summary>A search as the user asked it; knows nothing about HTTP.</summary>
public sealed record SearchRequest
{
    /// <summary>The query text in the query language (words, "phrases", prefix*, -exclusion, OR, parentheses).</summary>
    public required string Query { get; init; }

    /// <summary>Selected facet values by facet id; several values of one facet are OR-ed, facets are AND-ed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>1-based page of hits.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Hits per page.</summary>
    public int PageSize { get; init; } = 10;

    /// <summary>Relevance or newest first.</summary>
    public SortOrder Sort { get; init; } = SortOrder.Relevance;

    /// <summary>Compute facet counts (the benchmark turns this off for its top-10 figure).</summary>
    public bool IncludeFacets { get; init; } = true;

    /// <summary>Compute best passages and snippets.</summary>
    public bool IncludePassages { get; init; } = true;

    /// <summary>Search a corrected query at once when a word is not in the index (false: search exactly what was typed, "Sök i stället efter …").</summary>
    public bool CorrectTypos { get; init; } = true;

    /// <summary>Return the parsed query, analysed terms and timings per stage.</summary>
    public bool Explain { get; init; }
}

/// <summary>Result order.</summary>
public enum SortOrder
{
    /// <summary>Best match first (`relevans`).</summary>
    Relevance,

    /// <summary>Newest year first (`nyast`).</summary>
    Newest,
}
