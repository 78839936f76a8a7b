using System.Globalization;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Ranking;

/// <summary>One query word over several fields, scored as BM25F: the fields' term frequencies are weighted and added
/// first, then saturated once, with one idf for the word.</summary>
/// <remarks>
/// Summing per-field BM25 scores (a boolean query of term queries) saturates each field on its own, so a word in a
/// four-word title earned almost a full extra score however often the body used it, and the title's own (high) idf
/// made it worse: guidance about "tillgängligt skyddat boende" lost to any document with "boende" in its title. Here a
/// title occurrence counts as <c>weight</c> occurrences of the word (8 for a stem in the title, 1 in the body, see
/// <see cref="FieldWeights"/>), which matters a lot when the body hardly has the word and little when it has it often.
/// Length normalisation uses the body's length (from its norm) against the average body length (<see cref="DocumentLength"/>);
/// idf is the word's over all documents (the largest live document frequency of its fields). A term may weigh less than
/// zero: the parts field takes back part of what the positional field counted for a part occurrence (the sum stays
/// positive, as every part is also in the positional field). Statistics come from the searcher, so an
/// incrementally maintained index scores exactly like a clean one (<see cref="LiveStatisticsSearcher"/>).
/// </remarks>
public sealed class WeightedFieldsQuery : Lucene.Net.Search.Query
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>Creates the query over (term, weight) pairs; the terms may be in different fields.</summary>
    /// <param name="enums">The searching thread's enumerators to reuse (null: the query's own).</param>
    /// <param name="merged">Where a frequent word's merged postings are kept (null: always read the lists).</param>
    public WeightedFieldsQuery(IReadOnlyList<(Term Term, float Weight)> terms, DocumentLength length, ReusableEnums? enums = null, WordPostingsCache? merged = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(length);
        Terms = terms;
        Length = length;
        Enums = enums;
        Merged = merged;
    }

    /// <summary>The weighted terms.</summary>
    public IReadOnlyList<(Term Term, float Weight)> Terms { get; }

    /// <summary>Where the document length is read.</summary>
    public DocumentLength Length { get; }

    private ReusableEnums? Enums { get; }

    private WordPostingsCache? Merged { get; }

    // BM25's norm is 1/sqrt(length) in one byte; 0 means the field is empty.
    private static float[] LengthOfNorm { get; } = BuildLengthTable();

    /// <inheritdoc />
    public override Weight CreateWeight(IndexSearcher searcher) => new WeightedFieldsWeight(this, searcher);

    /// <inheritdoc />
    public override void ExtractTerms(ISet<Term> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var (term, _) in Terms)
        {
            terms.Add(term);
        }
    }

    /// <inheritdoc />
    public override string ToString(string field) =>
        "bm25f(" + string.Join(' ', Terms.Select(t => t.Term.Field + ":" + t.Term.Text + "^" + t.Weight.ToString("0.##", CultureInfo.InvariantCulture))) + ")" + ToStringUtils.Boost(Boost);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WeightedFieldsQuery other && other.Boost == Boost && other.Length == Length && other.Terms.SequenceEqual(Terms);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        hash.Add(Length);
        foreach (var term in Terms)
        {
            hash.Add(term);
        }

        return hash.ToHashCode();
    }

    /// <summary>The length of <paramref name="doc"/> as BM25F reads it from the length field's norm (0 without norms).</summary>
    internal static float LengthOf(NumericDocValues? norms, int doc) => norms is null ? 0f : LengthOfNorm[(byte)norms.Get(doc)];

    /// <summary>The word's weight: its statistics, and its scorer per segment.</summary>
    internal sealed class WeightedFieldsWeight : Weight
    {
        private readonly WeightedFieldsQuery _query;
        private readonly TermContext[] _contexts;
        private readonly ReusableEnums _enums;
        private readonly float _idf;
        private readonly float _averageLength;
        private readonly long _documents;
        private readonly long _docFreq;
        private readonly long[] _segmentPostings;
        private float _boost = 1f;
        private string? _mergeKey;

        public WeightedFieldsWeight(WeightedFieldsQuery query, IndexSearcher searcher)
        {
            _query = query;
            var top = searcher.TopReaderContext;
            _enums = query.Enums ?? new ReusableEnums();
            _segmentPostings = new long[top.Leaves.Count];
            _contexts = LookUp(top, query.Terms, _enums, _segmentPostings);
            var collection = searcher.CollectionStatistics(query.Length.NormField);
            var parts = searcher.CollectionStatistics(query.Length.PartsField);
            _documents = Math.Max(1, collection.MaxDoc);
            _docFreq = 0;
            for (var i = 0; i < _contexts.Length; i++)
            {
                _docFreq = Math.Max(_docFreq, searcher.TermStatistics(query.Terms[i].Term, _contexts[i]).DocFreq);
            }

            _idf = (float)Math.Log(1 + ((_documents - _docFreq + 0.5D) / (_docFreq + 0.5D)));
            var wholeWords = collection.SumTotalTermFreq - Math.Max(0, parts.SumTotalTermFreq);
            _averageLength = wholeWords <= 0 ? 1f : (float)(wholeWords / (double)_documents);
        }

        public override Lucene.Net.Search.Query Query => _query;

        /// <summary>The key of the word's merged postings (its fields, texts and weights).</summary>
        internal string MergeKey => _mergeKey ??= string.Join('\u001E', _query.Terms.Select(t => t.Term.Field + "\u001F" + t.Term.Text + "\u001F" + t.Weight.ToString("R", CultureInfo.InvariantCulture)));

        /// <summary>How many postings the word's lists hold in segment <paramref name="ord"/> together.</summary>
        internal long PostingsIn(int ord) => _segmentPostings[ord];

        // What TermContext.Build does for each term, with the thread's enumerators.
        private static TermContext[] LookUp(IndexReaderContext top, IReadOnlyList<(Term Term, float Weight)> terms, ReusableEnums enums, long[] segmentPostings)
        {
            var contexts = new TermContext[terms.Count];
            for (var i = 0; i < terms.Count; i++)
            {
                var (term, _) = terms[i];
                contexts[i] = new TermContext(top);
                foreach (var leaf in top.Leaves)
                {
                    if (enums.Seek(leaf.AtomicReader, term.Field, term.Bytes, out var docFreq, out var totalTermFreq) is { } state)
                    {
                        contexts[i].Register(state, leaf.Ord, docFreq, totalTermFreq);
                        segmentPostings[leaf.Ord] += docFreq;
                    }
                }
            }

            return contexts;
        }

        public override float GetValueForNormalization() => 1f;

        public override void Normalize(float norm, float topLevelBoost) => _boost = topLevelBoost * _query.Boost;

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (_query.Merged is not { } cache || _segmentPostings[context.Ord] < cache.MinimumPostings)
            {
                return ListScorer(context, acceptDocs);
            }

            var segment = context.AtomicReader.CoreCacheKey;
            var merged = cache.Get<MergedPostings>(segment, MergeKey);
            if (merged is null)
            {
                if (ListScorer(context, null) is not { } lists)
                {
                    return null;
                }

                merged = lists.Merge();
                cache.Add(segment, MergeKey, merged);
            }

            return merged.Docs.Length == 0 ? null : new MergedScorer(this, merged, acceptDocs, context.AtomicReader.GetNormValues(_query.Length.NormField));
        }

        /// <summary>The word's scorer straight from its postings lists, never from or into the cache: for a merge of
        /// several words (a prefix), whose entry replaces theirs.</summary>
        internal Scorer? ListScorerFor(AtomicReaderContext context, IBits? acceptDocs) => ListScorer(context, acceptDocs);

        // The word's postings lists, merged as they are read.
        private WeightedFieldsScorer? ListScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var reader = context.AtomicReader;
            var postings = new List<(DocsEnum Docs, float Weight)>(_contexts.Length);
            for (var i = 0; i < _contexts.Length; i++)
            {
                if (_contexts[i].Get(context.Ord) is not { } state)
                {
                    continue;
                }

                var (term, weight) = _query.Terms[i];
                postings.Add((_enums.Docs(reader, term.Field, term.Bytes, state, acceptDocs), weight));
            }

            return postings.Count == 0 ? null : new WeightedFieldsScorer(this, postings, reader.GetNormValues(_query.Length.NormField));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (ListScorer(context, context.AtomicReader.LiveDocs) is not { } scorer || scorer.Advance(doc) != doc)
            {
                return new Explanation(0f, "ingen träff");
            }

            var (frequency, length) = scorer.Current();
            var score = scorer.GetScore();
            var result = new ComplexExplanation(true, score, $"bm25f, resultat av idf × f·(k1+1) / (f + k1·(1−b+b·dl/avgdl)) × vikt {_boost.ToString(CultureInfo.InvariantCulture)}:");
            result.AddDetail(new Explanation(_idf, $"idf(docFreq={_docFreq}, N={_documents})"));
            result.AddDetail(new Explanation(frequency, "f, viktad termfrekvens: " + scorer.DescribeFrequencies()));
            result.AddDetail(new Explanation(length, "dl, dokumentets längd"));
            result.AddDetail(new Explanation(_averageLength, "avgdl, medellängd"));
            return result;
        }

        public float Score(float frequency, float length) =>
            _boost * _idf * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * length / _averageLength))));
    }

    private sealed class WeightedFieldsScorer : Scorer, IWeightedFrequency
    {
        private readonly WeightedFieldsWeight _weight;
        private readonly (DocsEnum Docs, float Weight)[] _postings;
        private readonly DocIdSetIterator[] _iterators;
        private readonly NumericDocValues? _norms;
        private int _doc = -1;

        public WeightedFieldsScorer(WeightedFieldsWeight weight, List<(DocsEnum Docs, float Weight)> postings, NumericDocValues? norms)
            : base(weight)
        {
            _weight = weight;
            _postings = [.. postings];
            _iterators = [.. postings.Select(p => p.Docs)];
            _norms = norms;
        }

        public override int DocID => _doc;

        public override int Freq
        {
            get
            {
                // Occurrences, once each: a part's second count (the parts field, weighed below zero) is left out.
                var freq = 0;
                foreach (var (docs, weight) in _postings)
                {
                    if (weight > 0 && docs.DocID == _doc)
                    {
                        freq += docs.Freq;
                    }
                }

                return freq;
            }
        }

        public override float GetScore()
        {
            var (frequency, length) = Current();
            return _weight.Score(frequency, length);
        }

        public float WeightedFrequency => Frequency();

        public (float Frequency, float Length) Current() => (Frequency(), LengthOf(_norms, _doc));

        // Adds in the lists' order, as MergedPostings are built: a merged word scores to the last bit as its lists do.
        public float Frequency()
        {
            var frequency = 0f;
            foreach (var (docs, weight) in _postings)
            {
                if (docs.DocID == _doc)
                {
                    frequency += weight * docs.Freq;
                }
            }

            return frequency;
        }

        // Reads the lists to the end (a scorer made without deletions, so the merge serves every later reader of the segment).
        public MergedPostings Merge()
        {
            var capacity = (int)Math.Min(int.MaxValue / 4, Math.Max(16, _postings.Max(p => p.Docs.GetCost())));
            var docs = new int[capacity];
            var weighted = new float[capacity];
            var raw = new int[capacity];
            var count = 0;
            for (var doc = NextDoc(); doc != NO_MORE_DOCS; doc = NextDoc())
            {
                if (count == docs.Length)
                {
                    Array.Resize(ref docs, count * 2);
                    Array.Resize(ref weighted, count * 2);
                    Array.Resize(ref raw, count * 2);
                }

                docs[count] = doc;
                weighted[count] = Frequency();
                raw[count] = Freq;
                count++;
            }

            Array.Resize(ref docs, count);
            Array.Resize(ref weighted, count);
            Array.Resize(ref raw, count);
            return new MergedPostings(docs, weighted, raw);
        }

        public string DescribeFrequencies() => string.Join(", ", _postings.Where(p => p.Docs.DocID == _doc).Select(p => $"{p.Docs.Freq}×{p.Weight.ToString("0.##", CultureInfo.InvariantCulture)}"));

        public override int NextDoc() => _doc = UnionWalk.NextDoc(_iterators, _doc);

        public override int Advance(int target) => _doc = UnionWalk.Advance(_iterators, target);

        public override long GetCost() => _postings.Sum(p => p.Docs.GetCost());
    }

    // A merged word: one array walk; deletions are skipped there, since the merge holds every document of the segment.
    private sealed class MergedScorer(WeightedFieldsWeight weight, MergedPostings postings, IBits? acceptDocs, NumericDocValues? norms) : Scorer(weight), IWeightedFrequency
    {
        private readonly SortedDocs _walk = new(postings.Docs, acceptDocs);
        private readonly float[] _weighted = postings.Weighted;
        private readonly int[] _raw = postings.Raw;

        public override int DocID => _walk.Doc;

        public override int Freq => _raw[_walk.Index];

        public float WeightedFrequency => _weighted[_walk.Index];

        public override float GetScore() => weight.Score(_weighted[_walk.Index], LengthOf(norms, _walk.Doc));

        public override int NextDoc() => _walk.NextDoc();

        public override int Advance(int target) => _walk.Advance(target);

        public override long GetCost() => _walk.Cost;
    }

    private static float[] BuildLengthTable()
    {
        var table = new float[256];
        for (var i = 1; i < 256; i++)
        {
            var f = SmallSingle.Byte315ToSingle((byte)i);
            table[i] = 1f / (f * f);
        }

        return table;
    }
}

/// <summary>A scorer of one word's BM25F: its weighted frequency in the current document, which a merge keeps.</summary>
internal interface IWeightedFrequency
{
    /// <summary>The weighted frequency in the current document.</summary>
    float WeightedFrequency { get; }
}
