using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Search;

/// <summary>What the search side keeps in memory for one index generation: document summaries and facet values.</summary>
/// <remarks>Immutable. A newer generation is reached by <see cref="Advance"/>, which reads only the documents the
/// change log names: after one file was added to a 10,000-document index, reloading everything cost a third of a
/// second of every search that noticed the change first.</remarks>
public sealed class IndexSnapshot
{
    private IndexSnapshot(long generation, Taxonomy taxonomy, Dictionary<long, DocumentSummary> documents, FacetCache facets)
    {
        Generation = generation;
        Taxonomy = taxonomy;
        Documents = documents;
        Facets = facets;
        ByTitleLength = documents.Values.OrderBy(d => d.Title.Length).ThenBy(d => d.Id).ToList();
    }

    /// <summary>The index generation this snapshot reflects.</summary>
    public long Generation { get; }

    /// <summary>The taxonomy whose labels the facets carry.</summary>
    public Taxonomy Taxonomy { get; }

    /// <summary>Document summaries by id.</summary>
    public IReadOnlyDictionary<long, DocumentSummary> Documents { get; }

    /// <summary>Documents shortest title first (typeahead offers short, exact titles before long ones).</summary>
    public IReadOnlyList<DocumentSummary> ByTitleLength { get; }

    /// <summary>Facet values of every document.</summary>
    public FacetCache Facets { get; }

    /// <summary>True when this snapshot reflects <paramref name="generation"/> labelled with <paramref name="taxonomy"/>.</summary>
    public bool IsAt(long generation, Taxonomy taxonomy) => generation == Generation && ReferenceEquals(taxonomy, Taxonomy);

    /// <summary>True when this snapshot was built by reading every document rather than only the changed ones.</summary>
    public bool WasLoadedInFull { get; private init; }

    /// <summary>Loads every summary and facet row, as of the session's current generation.</summary>
    public static IndexSnapshot Load(IndexStore.ReaderSession session, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(taxonomy);
        return session.InReadTransaction(() => LoadCurrent(session, taxonomy));
    }

    /// <summary>The snapshot of the session's current generation, built from this one plus the changed documents;
    /// a full load when the change log does not reach back far enough, the taxonomy changed or most documents did.</summary>
    public IndexSnapshot Advance(IndexStore.ReaderSession session, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(taxonomy);
        return session.InReadTransaction(() =>
        {
            var generation = session.ReadGeneration();
            if (IsAt(generation, taxonomy))
            {
                return this;
            }

            if (!ReferenceEquals(taxonomy, Taxonomy) || Generation < session.ReadChangesFrom() || generation < Generation)
            {
                return LoadCurrent(session, taxonomy);
            }

            var changed = session.ReadDocumentsChangedAfter(Generation);
            if (changed.Count > Math.Max(1000, Documents.Count / 4))
            {
                // Reading most of the documents one change at a time is slower than one plain scan.
                return LoadCurrent(session, taxonomy);
            }

            var documents = new Dictionary<long, DocumentSummary>(Documents);
            foreach (var id in changed)
            {
                documents.Remove(id);
            }

            foreach (var summary in session.ReadSummariesChangedAfter(Generation))
            {
                documents[summary.Id] = summary;
            }

            var rows = new List<(long, string, string, string)>();
            session.ReadFacetRowsChangedAfter(Generation, (doc, facet, value, label) => rows.Add((doc, facet, value, label)));
            return new IndexSnapshot(generation, taxonomy, documents, Facets.WithChanges(changed, rows));
        });
    }

    private static IndexSnapshot LoadCurrent(IndexStore.ReaderSession session, Taxonomy taxonomy)
    {
        var generation = session.ReadGeneration();
        var documents = session.ReadSummaries().ToDictionary(d => d.Id);
        var rows = new List<(long, string, string, string)>();
        session.ReadFacetRows((doc, facet, value, label) => rows.Add((doc, facet, value, label)));
        return new IndexSnapshot(generation, taxonomy, documents, FacetCache.Build(rows, taxonomy)) { WasLoadedInFull = true };
    }
}
