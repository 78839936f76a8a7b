using Kunskapsbank.Indexer.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Highlighting;

/// <summary>Where the query's terms occur among the passages of the page's documents, read straight from the postings.</summary>
/// <remarks>
/// A document's passages are the block of doc numbers right after it, so one postings list per term and field, advanced
/// from block to block in doc order, gives every passage that holds the term — each term's dictionary entry is looked
/// up once per request, not once per page document, and no query, weight or scorer objects are built. Scores are
/// Lucene's BM25 for a term query in the passage fields (the same idf, average length and one-byte norm decoding as
/// <see cref="BM25Similarity"/>), so placement is what a search over the passages would give.
/// </remarks>
internal sealed class PassagePostings
{
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<PassageFinder.PageDocument> _documents;
    private readonly ReusableEnums _enums;
    private readonly Dictionary<(string Field, string Term), Occurrences> _terms = [];
    private readonly Dictionary<string, FieldScoring> _fields = new(StringComparer.Ordinal);

    /// <param name="documents">The page's documents in ascending doc order.</param>
    /// <param name="enums">The searching thread's enumerators.</param>
    public PassagePostings(IndexSearcher searcher, IReadOnlyList<PassageFinder.PageDocument> documents, ReusableEnums enums)
    {
        _searcher = searcher;
        _documents = documents;
        _enums = enums;
    }

    /// <summary>The passages of each document holding <paramref name="term"/> in <paramref name="field"/>.</summary>
    public Occurrences Of(string field, string term)
    {
        if (!_terms.TryGetValue((field, term), out var occurrences))
        {
            _terms[(field, term)] = occurrences = Read(field, term);
        }

        return occurrences;
    }

    private Occurrences Read(string field, string term)
    {
        var scoring = Scoring(field);
        var perDocument = new List<Hit>?[_documents.Count];
        var bytes = new BytesRef(term);
        var leaves = _searcher.IndexReader.Leaves;
        long docFreq = 0;
        var context = new TermContext(_searcher.TopReaderContext);
        var states = new (TermState State, AtomicReaderContext Leaf)?[leaves.Count];
        foreach (var leaf in leaves)
        {
            if (_enums.Seek(leaf.AtomicReader, field, bytes, out var leafDocFreq, out var totalTermFreq) is { } state)
            {
                context.Register(state, leaf.Ord, leafDocFreq, totalTermFreq);
                states[leaf.Ord] = (state, leaf);
                docFreq += leafDocFreq;
            }
        }

        if (docFreq == 0)
        {
            return new Occurrences(perDocument, 0, 0f, scoring);
        }

        DocsEnum? docs = null;
        var current = -1;
        NumericDocValues? norms = null;
        for (var i = 0; i < _documents.Count; i++)
        {
            var document = _documents[i];
            var leafIndex = ReaderUtil.SubIndex(document.Doc, leaves);
            if (states[leafIndex] is not { } entry || document.Passages <= 0)
            {
                continue;
            }

            if (leafIndex != current)
            {
                current = leafIndex;
                docs = _enums.Docs(entry.Leaf.AtomicReader, field, bytes, entry.State, entry.Leaf.AtomicReader.LiveDocs);
                norms = entry.Leaf.AtomicReader.GetNormValues(field);
            }

            var first = document.Doc - entry.Leaf.DocBase + 1;
            var end = first + document.Passages;
            var at = docs!.DocID;
            if (at < first)
            {
                at = docs.Advance(first);
            }

            for (; at < end; at = docs.NextDoc())
            {
                (perDocument[i] ??= []).Add(new Hit(entry.Leaf.DocBase + at, docs.Freq, norms is null ? FieldScoring.NoNorm : (byte)norms.Get(at)));
            }
        }

        var statistics = _searcher.TermStatistics(new Term(field, bytes), context);
        return new Occurrences(perDocument, statistics.DocFreq, Idf(statistics.DocFreq, scoring.Documents), scoring);
    }

    private FieldScoring Scoring(string field)
    {
        if (!_fields.TryGetValue(field, out var scoring))
        {
            _fields[field] = scoring = FieldScoring.Of(_searcher.CollectionStatistics(field), (BM25Similarity)IndexStore.Similarity);
        }

        return scoring;
    }

    // BM25Similarity.Idf: the float of ln(1 + (N − df + 0.5) / (df + 0.5)).
    private static float Idf(long docFreq, long documents) => (float)Math.Log(1 + ((documents - docFreq + 0.5D) / (docFreq + 0.5D)));

    /// <summary>A passage holding a term: its global doc number, the term's frequency and the field's norm byte.</summary>
    public readonly record struct Hit(int Doc, int Freq, int Norm);

    /// <summary>One term in one field: the passages holding it per page document (null: none), its live document frequency and idf.</summary>
    public sealed record Occurrences(List<Hit>?[] PerDocument, long DocFreq, float Idf, FieldScoring Scoring)
    {
        /// <summary>BM25 of one passage for a term query with <paramref name="boost"/> inside a clause boosted by <paramref name="weight"/>.</summary>
        public float Score(Hit hit, float boost, float weight)
        {
            // The float operations of BM25Similarity in Lucene's order: weight = idf · boost · top-level boost, then
            // (k1 + 1) · weight · freq / (freq + k1 · (1 − b + b · length / avgdl)).
            var value = Idf * boost * weight * (Scoring.K1 + 1);
            return value * hit.Freq / (hit.Freq + Scoring.Cache[hit.Norm]);
        }
    }

    /// <summary>A field's BM25 constants: N, and k1 · (1 − b + b · length / avgdl) per norm byte (as BM25Similarity caches it).</summary>
    public sealed class FieldScoring
    {
        private FieldScoring(float k1, long documents, float[] cache)
        {
            K1 = k1;
            Documents = documents;
            Cache = cache;
        }

        public float K1 { get; }

        public long Documents { get; }

        /// <summary>The norm of a field that has none: BM25 then counts the length as average.</summary>
        public const int NoNorm = 256;

        /// <summary>Indexed by norm byte, and <see cref="NoNorm"/>.</summary>
        public float[] Cache { get; }

        public static FieldScoring Of(CollectionStatistics statistics, BM25Similarity similarity)
        {
            var k1 = similarity.K1;
            var b = similarity.B;
            var average = statistics.SumTotalTermFreq <= 0 ? 1f : (float)(statistics.SumTotalTermFreq / (double)statistics.MaxDoc);
            var cache = new float[NoNorm + 1];
            for (var i = 0; i < 256; i++)
            {
                var f = SmallSingle.Byte315ToSingle((byte)i);
                var length = 1f / (f * f);
                cache[i] = k1 * ((1 - b) + (b * length / average));
            }

            cache[NoNorm] = k1;
            return new FieldScoring(k1, statistics.MaxDoc, cache);
        }
    }
}
