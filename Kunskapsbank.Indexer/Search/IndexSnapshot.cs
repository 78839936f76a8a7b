using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Suggestions;

namespace Kunskapsbank.Indexer.Search;

/// <summary>What the search side keeps in memory for one index generation: summaries, facets, vocabulary.</summary>
public sealed class IndexSnapshot
{
    private readonly Lazy<Vocabulary> _vocabulary;

    private IndexSnapshot(long generation, Dictionary<long, DocumentSummary> documents, FacetCache facets, Lazy<Vocabulary> vocabulary)
    {
        Generation = generation;
        Documents = documents;
        Facets = facets;
        _vocabulary = vocabulary;
    }

    /// <summary>The index generation this snapshot reflects.</summary>
    public long Generation { get; }

    /// <summary>Document summaries by id.</summary>
    public IReadOnlyDictionary<long, DocumentSummary> Documents { get; }

    /// <summary>Documents shortest title first (typeahead offers short, exact titles before long ones).</summary>
    public IReadOnlyList<DocumentSummary> ByTitleLength { get; private init; } = [];

    /// <summary>Facet values of every document.</summary>
    public FacetCache Facets { get; }

    /// <summary>Terms and document frequencies (loaded on first use).</summary>
    public Vocabulary Vocabulary => _vocabulary.Value;

    /// <summary>Loads the snapshot through a reader session; the vocabulary loads later through <paramref name="store"/>.</summary>
    public static IndexSnapshot Load(IndexStore store, IndexStore.ReaderSession session, long generation, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(session);
        var documents = session.ReadSummaries().ToDictionary(d => d.Id);
        var rows = new List<(long, string, string, string)>();
        session.ReadFacetRows((doc, facet, value, label) => rows.Add((doc, facet, value, label)));
        var facets = FacetCache.Build(rows, taxonomy);
        var vocabulary = new Lazy<Vocabulary>(() => LoadVocabulary(store), LazyThreadSafetyMode.ExecutionAndPublication);
        return new IndexSnapshot(generation, documents, facets, vocabulary)
        {
            ByTitleLength = documents.Values.OrderBy(d => d.Title.Length).ThenBy(d => d.Id).ToList(),
        };
    }

    private static Vocabulary LoadVocabulary(IndexStore store)
    {
        var session = store.Rent();
        try
        {
            var stems = session.ReadVocabulary(["title_s", "head_s", "body_s", "parts"]);
            var words = session.ReadVocabulary(["title_w", "head_w", "body_w"]);
            return new Vocabulary(stems, words);
        }
        finally
        {
            store.Return(session);
        }
    }
}
