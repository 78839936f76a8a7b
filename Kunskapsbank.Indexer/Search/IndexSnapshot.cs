using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Suggestions;

namespace Kunskapsbank.Indexer.Search;

/// <summary>What the search side keeps in memory for one index generation: summaries, facets, vocabulary.</summary>
public sealed class IndexSnapshot
{
    private readonly Lock _vocabularyLock = new();
    private volatile Vocabulary? _vocabulary;

    private IndexSnapshot(long generation, Dictionary<long, DocumentSummary> documents, FacetCache facets)
    {
        Generation = generation;
        Documents = documents;
        Facets = facets;
    }

    /// <summary>The index generation this snapshot reflects.</summary>
    public long Generation { get; }

    /// <summary>Document summaries by id.</summary>
    public IReadOnlyDictionary<long, DocumentSummary> Documents { get; }

    /// <summary>Documents shortest title first (typeahead offers short, exact titles before long ones).</summary>
    public IReadOnlyList<DocumentSummary> ByTitleLength { get; private init; } = [];

    /// <summary>Facet values of every document.</summary>
    public FacetCache Facets { get; }

    /// <summary>Terms and document frequencies, loaded once per snapshot on first use through the caller's session.</summary>
    /// <remarks>The caller's own session is used rather than renting another: the reader pool is bounded, and a second
    /// rent while holding one could wait for ever when every reader is taken.</remarks>
    public Vocabulary VocabularyFrom(IndexStore.ReaderSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_vocabulary is { } loaded)
        {
            return loaded;
        }

        lock (_vocabularyLock)
        {
            return _vocabulary ??= LoadVocabulary(session);
        }
    }

    /// <summary>Loads the snapshot (summaries and facets) through a reader session.</summary>
    public static IndexSnapshot Load(IndexStore.ReaderSession session, long generation, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(session);
        var documents = session.ReadSummaries().ToDictionary(d => d.Id);
        var rows = new List<(long, string, string, string)>();
        session.ReadFacetRows((doc, facet, value, label) => rows.Add((doc, facet, value, label)));
        var facets = FacetCache.Build(rows, taxonomy);
        return new IndexSnapshot(generation, documents, facets)
        {
            ByTitleLength = documents.Values.OrderBy(d => d.Title.Length).ThenBy(d => d.Id).ToList(),
        };
    }

    private static Vocabulary LoadVocabulary(IndexStore.ReaderSession session)
    {
        var stems = session.ReadVocabulary(["title_s", "head_s", "body_s", "parts"]);
        var words = session.ReadVocabulary(["title_w", "head_w", "body_w"]);
        return new Vocabulary(stems, words);
    }
}
