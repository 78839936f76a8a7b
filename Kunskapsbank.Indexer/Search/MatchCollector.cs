using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Search;

/// <summary>One pass over the matching documents: facet filter and counts, the status factor, and the top hits.</summary>
/// <remarks>Filtering here rather than in the query lets one pass count each facet while ignoring its own selection
/// (see <see cref="FacetCounter"/>), which a filter clause could not do.</remarks>
internal sealed class MatchCollector(FacetCounter counter, SegmentFacetsCache facets, TopHits top, bool countFacets, bool constantScore) : ICollector
{
    private Scorer? _scorer;
    private SegmentFacets? _segment;
    private NumericDocValues? _ids;
    private NumericDocValues? _years;
    private NumericDocValues? _status;
    private int _base;

    /// <summary>Matching documents that passed the facet selection.</summary>
    public int Total { get; private set; }

    /// <inheritdoc />
    public bool AcceptsDocsOutOfOrder => false;

    /// <inheritdoc />
    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _base = context.DocBase;
        _segment = facets.Of(reader);
        _ids = reader.GetNumericDocValues(IndexSchema.Id);
        _years = reader.GetNumericDocValues(IndexSchema.Year);
        _status = reader.GetNumericDocValues(IndexSchema.Status);
    }

    /// <inheritdoc />
    public void SetScorer(Scorer scorer) => _scorer = scorer;

    /// <inheritdoc />
    public void Collect(int doc)
    {
        // A top-10 search without filters need not touch the document's facet values at all.
        if ((countFacets || counter.Filters) && !counter.Add(_segment!.ValuesOf(doc), countFacets))
        {
            return;
        }

        Total++;
        var score = constantScore || _scorer is null ? 1f : _scorer.GetScore();
        score *= StatusPenalty.ForCode(_status?.Get(doc) ?? 0);
        if (!top.Competes(score))
        {
            return;
        }

        top.Offer(new RankedHit(_base + doc, _ids?.Get(doc) ?? 0, score, (int)(_years?.Get(doc) ?? 0)));
    }
}
