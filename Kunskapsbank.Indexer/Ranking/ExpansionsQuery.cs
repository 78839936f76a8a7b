using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Ranking;

/// <summary>A prefix's expansions as one query: a document scores the sum of the BM25F scores of the expansions it
/// holds, added in the expansions' order.</summary>
/// <remarks>
/// A prefix stands for up to 64 words, each over three word fields; as a boolean disjunction that is up to 192 short
/// postings lists merged through a heap on every search, and the tail of the facet searches (all hits are counted)
/// was prefixes only (ARCHITECTURE.md, decision 32). With a <see cref="WordPostingsCache"/>, a segment where the
/// expansions hold enough postings keeps them merged when the prefix is searched a second time
/// (<see cref="MergedExpansions"/>: documents, and per document which expansions with which weighted frequencies), and
/// later searches walk arrays; the first search walks the words' lists through a heap (<see cref="ScorerHeap"/>). As for merged words, the merge
/// holds deleted documents (skipped when read) and no statistics (applied when scored), so it stays valid for the
/// segment's life, and a score from it equals the lists' to the last bit.
/// </remarks>
public sealed class ExpansionsQuery : Lucene.Net.Search.Query
{
    /// <summary>Creates the query over the expansions' word queries (which share one length field).</summary>
    /// <param name="merged">Where merged expansions are kept (null: always read the lists).</param>
    public ExpansionsQuery(IReadOnlyList<WeightedFieldsQuery> expansions, WordPostingsCache? merged = null)
    {
        ArgumentNullException.ThrowIfNull(expansions);
        if (expansions.Select(e => e.Length).Distinct().Skip(1).Any())
        {
            throw new ArgumentException("A prefix's expansions must share one length field.", nameof(expansions));
        }

        Expansions = expansions;
        Merged = merged;
    }

    /// <summary>The expansions, one word query each.</summary>
    public IReadOnlyList<WeightedFieldsQuery> Expansions { get; }

    private WordPostingsCache? Merged { get; }

    /// <inheritdoc />
    public override Weight CreateWeight(IndexSearcher searcher) => new ExpansionsWeight(this, searcher);

    /// <inheritdoc />
    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var expansion in Expansions)
        {
            expansion.ExtractTerms(terms);
        }
    }

    /// <inheritdoc />
    public override string ToString(string field) =>
        "expansions(" + string.Join(' ', Expansions.Select(e => e.ToString(field))) + ")" + ToStringUtils.Boost(Boost);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExpansionsQuery other && other.Boost == Boost && other.Expansions.SequenceEqual(Expansions);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        foreach (var expansion in Expansions)
        {
            hash.Add(expansion);
        }

        return hash.ToHashCode();
    }

    private sealed class ExpansionsWeight : Weight
    {
        private readonly ExpansionsQuery _query;
        private readonly WeightedFieldsQuery.WeightedFieldsWeight[] _weights;
        private string? _mergeKey;

        public ExpansionsWeight(ExpansionsQuery query, IndexSearcher searcher)
        {
            _query = query;
            _weights = [.. query.Expansions.Select(e => (WeightedFieldsQuery.WeightedFieldsWeight)e.CreateWeight(searcher))];
        }

        public override Lucene.Net.Search.Query Query => _query;

        public override float GetValueForNormalization() => 1f;

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var weight in _weights)
            {
                weight.Normalize(norm, topLevelBoost * _query.Boost);
            }
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var postings = _weights.Sum(w => w.PostingsIn(context.Ord));
            if (postings == 0)
            {
                return null;
            }

            // The expansions are one prefix's words over the same zones, so they share the length field.
            var norms = context.AtomicReader.GetNormValues(_query.Expansions[0].Length.NormField);
            if (_query.Merged is not { } cache || postings < cache.MinimumPostings)
            {
                return ListScorer(context, acceptDocs, norms, merging: false);
            }

            var segment = context.AtomicReader.CoreCacheKey;
            _mergeKey ??= "\u001D" + string.Join('\u001D', _weights.Select(w => w.MergeKey));
            var merged = cache.Get<MergedExpansions>(segment, _mergeKey);
            if (merged is null && !cache.SeenBefore(segment, _mergeKey))
            {
                // A prefix searched once (most are) is not worth a merge: the walk below costs what Lucene's
                // disjunction does, the merge about as much again.
                return ListScorer(context, acceptDocs, norms, merging: false);
            }

            if (merged is null)
            {
                if (ListScorer(context, null, norms, merging: true) is not { } lists)
                {
                    return null;
                }

                merged = lists.Merge();
                cache.Add(segment, _mergeKey, merged);
            }

            return merged.Docs.Length == 0 ? null : new MergedScorer(this, merged, acceptDocs, norms);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var details = new List<Explanation>();
            var sum = 0f;
            foreach (var weight in _weights)
            {
                var detail = weight.Explain(context, doc);
                if (detail.IsMatch)
                {
                    details.Add(detail);
                    sum += detail.Value;
                }
            }

            if (details.Count == 0)
            {
                return new Explanation(0f, "ingen träff");
            }

            var result = new ComplexExplanation(true, sum, "summan av prefixets ord:");
            foreach (var detail in details)
            {
                result.AddDetail(detail);
            }

            return result;
        }

        // Adds the expansions' scores in their order, as the merged scorer does.
        public float Score(int expansion, float frequency, float length) => _weights[expansion].Score(frequency, length);

        // Merging reads the words' own lists: their merged entries would only duplicate the one being built.
        private ListScorer? ListScorer(AtomicReaderContext context, IBits? acceptDocs, NumericDocValues? norms, bool merging)
        {
            var scorers = new List<(int Expansion, Scorer Scorer)>();
            for (var k = 0; k < _weights.Length; k++)
            {
                if (_weights[k].PostingsIn(context.Ord) > 0
                    && (merging ? _weights[k].ListScorerFor(context, acceptDocs) : _weights[k].GetScorer(context, acceptDocs)) is { } scorer)
                {
                    scorers.Add((k, scorer));
                }
            }

            return scorers.Count == 0 ? null : new ListScorer(this, scorers, norms);
        }
    }

    // The expansions' own scorers, walked together through a heap: the union of their documents.
    private sealed class ListScorer : Scorer
    {
        private readonly ExpansionsWeight _weight;
        private readonly (int Expansion, Scorer Scorer)[] _scorers;
        private readonly ScorerHeap _union;
        private readonly NumericDocValues? _norms;
        private readonly List<int> _matching = [];
        private int _doc = -1;

        public ListScorer(ExpansionsWeight weight, List<(int Expansion, Scorer Scorer)> scorers, NumericDocValues? norms)
            : base(weight)
        {
            _weight = weight;
            _scorers = [.. scorers];
            _union = new ScorerHeap([.. scorers.Select(s => (DocIdSetIterator)s.Scorer)]);
            _norms = norms;
        }

        public override int DocID => _doc;

        // How many expansions the document holds, as the merged scorer counts.
        public override int Freq
        {
            get
            {
                _union.Matching(_doc, _matching);
                return _matching.Count;
            }
        }

        // Adds the expansions in their order, as the merged scorer does: a kept merge scores to the last bit as this.
        public override float GetScore()
        {
            var length = WeightedFieldsQuery.LengthOf(_norms, _doc);
            var score = 0f;
            _union.Matching(_doc, _matching);
            foreach (var i in _matching)
            {
                var (expansion, scorer) = _scorers[i];
                score += _weight.Score(expansion, ((IWeightedFrequency)scorer).WeightedFrequency, length);
            }

            return score;
        }

        public override int NextDoc() => _doc == NO_MORE_DOCS ? NO_MORE_DOCS : (_doc = _union.NextDoc(_doc));

        public override int Advance(int target) => _doc = _union.Advance(target);

        public override long GetCost() => _scorers.Sum(s => s.Scorer.GetCost());

        // Reads the scorers to the end (made without deletions, so the merge serves every later reader of the segment).
        public MergedExpansions Merge()
        {
            var docs = new List<int>();
            var starts = new List<int>();
            var expansions = new List<int>();
            var weighted = new List<float>();
            for (var doc = NextDoc(); doc != NO_MORE_DOCS; doc = NextDoc())
            {
                docs.Add(doc);
                starts.Add(expansions.Count);
                _union.Matching(doc, _matching);
                foreach (var i in _matching)
                {
                    expansions.Add(_scorers[i].Expansion);
                    weighted.Add(((IWeightedFrequency)_scorers[i].Scorer).WeightedFrequency);
                }
            }

            starts.Add(expansions.Count);
            return new MergedExpansions([.. docs], [.. starts], [.. expansions], [.. weighted]);
        }
    }

    // Merged expansions: one array walk; deletions are skipped there, since the merge holds every document of the segment.
    private sealed class MergedScorer(ExpansionsWeight weight, MergedExpansions merged, IBits? acceptDocs, NumericDocValues? norms) : Scorer(weight)
    {
        private readonly SortedDocs _walk = new(merged.Docs, acceptDocs);
        private readonly int[] _starts = merged.Starts;
        private readonly int[] _expansions = merged.Expansions;
        private readonly float[] _weighted = merged.Weighted;

        public override int DocID => _walk.Doc;

        // How many expansions the document holds.
        public override int Freq => _starts[_walk.Index + 1] - _starts[_walk.Index];

        public override float GetScore()
        {
            var length = WeightedFieldsQuery.LengthOf(norms, _walk.Doc);
            var score = 0f;
            for (var e = _starts[_walk.Index]; e < _starts[_walk.Index + 1]; e++)
            {
                score += weight.Score(_expansions[e], _weighted[e], length);
            }

            return score;
        }

        public override int NextDoc() => _walk.NextDoc();

        public override int Advance(int target) => _walk.Advance(target);

        public override long GetCost() => _walk.Cost;
    }
}
