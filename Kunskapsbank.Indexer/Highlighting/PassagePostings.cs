using Kunskapsbank.Indexer.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Highlighting;

/// <summary>Where the query's terms occur among the passages of the page's documents, read straight from the postings.</summary>
/// <remarks>
/// A passage's text is its stretch of the document's <see cref="IndexSchema.Body"/> positions
/// (<see cref="PassagePositions"/>), so one positions list per term, advanced from page document to page document,
/// gives each passage's term frequency. A heading is its passage's own <see cref="IndexSchema.PassageHeading"/> field:
/// a document's passages are the block of doc numbers right after it, so that postings list is advanced from block to
/// block. Each term's dictionary entry is looked up once per request, and no query, weight or scorer objects are
/// built. Scores are BM25 in Lucene's float operations (one-byte norms, the passages' average length); a text term's
/// idf is the one over documents, as passages hold no text terms of their own to count.
/// </remarks>
internal sealed class PassagePostings
{
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<PassageFinder.PageDocument> _documents;
    private readonly ReusableEnums _enums;
    private readonly Dictionary<(string Field, string Term), Occurrences> _terms = [];
    private readonly Dictionary<string, FieldScoring> _fields = new(StringComparer.Ordinal);
    private readonly PassagePositions?[] _layouts;
    private readonly Dictionary<string, HashSet<int>?[]> _phrases = new(StringComparer.Ordinal);

    /// <param name="documents">The page's documents in ascending doc order.</param>
    /// <param name="enums">The searching thread's enumerators.</param>
    public PassagePostings(IndexSearcher searcher, IReadOnlyList<PassageFinder.PageDocument> documents, ReusableEnums enums)
    {
        _searcher = searcher;
        _documents = documents;
        _enums = enums;
        _layouts = new PassagePositions?[documents.Count];
    }

    /// <summary>The passages of each document holding <paramref name="term"/> in the passage field <paramref name="field"/>.</summary>
    public Occurrences Of(string field, string term)
    {
        if (!_terms.TryGetValue((field, term), out var occurrences))
        {
            _terms[(field, term)] = occurrences = Read(field, term);
        }

        return occurrences;
    }

    /// <summary>The passages of each document holding <paramref name="term"/> in their text (read from the body positions).</summary>
    public Occurrences InText(string term)
    {
        if (!_terms.TryGetValue((IndexSchema.PassageText, term), out var occurrences))
        {
            _terms[(IndexSchema.PassageText, term)] = occurrences = ReadText(term);
        }

        return occurrences;
    }

    /// <summary>Per page document, the passages (global doc numbers) whose text holds the phrase word for word, each stem at
    /// its offset from the first; null where none does (the phrase matched in the title or a heading only).</summary>
    /// <remarks>All of a phrase's stems in a passage is not yet the phrase ("barn behöver stöd när våld upplevs" holds the
    /// stems of "barn som upplever våld"), so the passage that has it word for word is preferred.</remarks>
    public HashSet<int>?[] HoldingPhrase(IReadOnlyList<string> stems, IReadOnlyList<int> offsets)
    {
        var key = string.Join(' ', stems.Select((stem, i) => $"{offsets[i]}:{stem}"));
        if (_phrases.TryGetValue(key, out var holding))
        {
            return holding;
        }

        holding = new HashSet<int>?[_documents.Count];
        // A stem that occurs twice in the phrase is read once.
        var read = stems.Distinct(StringComparer.Ordinal).ToDictionary(stem => stem, PositionsInText, StringComparer.Ordinal);
        var positions = stems.Select(stem => read[stem]).ToList();
        for (var i = 0; i < _documents.Count; i++)
        {
            if (positions.Any(p => p[i] is null))
            {
                continue;
            }

            var layout = _layouts[i] ?? PassagePositions.Empty;
            foreach (var position in positions[0][i]!)
            {
                var start = position - offsets[0];
                var whole = true;
                for (var s = 1; s < stems.Count && whole; s++)
                {
                    whole = positions[s][i]!.BinarySearch(start + offsets[s]) >= 0;
                }

                if (whole && layout.PassageAt(position) is var passage and >= 0)
                {
                    (holding[i] ??= []).Add(_documents[i].Doc + 1 + passage);
                }
            }
        }

        _phrases[key] = holding;
        return holding;
    }

    // The body positions of a term in each page document, ascending (null where it does not occur); loads the layouts.
    private List<int>?[] PositionsInText(string term)
    {
        var perDocument = new List<int>?[_documents.Count];
        var bytes = new BytesRef(term);
        var (states, _, docFreq) = SeekEverySegment(IndexSchema.Body, bytes);
        if (docFreq == 0)
        {
            return perDocument;
        }

        foreach (var (i, leaf, positions) in InBody(bytes, states))
        {
            Layout(i, leaf);
            var list = perDocument[i] = new List<int>(positions.Freq);
            for (var k = positions.Freq; k > 0; k--)
            {
                list.Add(positions.NextPosition());
            }
        }

        return perDocument;
    }

    // Each page document (by index) whose body holds the term, with the positions enum on it.
    private IEnumerable<(int Index, AtomicReaderContext Leaf, DocsAndPositionsEnum Positions)> InBody(BytesRef bytes, TermState?[] states)
    {
        var leaves = _searcher.IndexReader.Leaves;
        DocsAndPositionsEnum? positions = null;
        var current = -1;
        for (var i = 0; i < _documents.Count; i++)
        {
            var document = _documents[i];
            var leafIndex = ReaderUtil.SubIndex(document.Doc, leaves);
            if (states[leafIndex] is not { } state || document.Passages <= 0)
            {
                continue;
            }

            var leaf = leaves[leafIndex];
            if (leafIndex != current)
            {
                current = leafIndex;
                positions = _enums.Positions(leaf.AtomicReader, IndexSchema.Body, bytes, state, null);
            }

            var local = document.Doc - leaf.DocBase;
            var at = positions!.DocID;
            if (at < local)
            {
                at = positions.Advance(local);
            }

            if (at == local)
            {
                yield return (i, leaf, positions);
            }
        }
    }

    private Occurrences ReadText(string term)
    {
        var scoring = TextScoring();
        var perDocument = new List<Hit>?[_documents.Count];
        var bytes = new BytesRef(term);
        var (states, context, docFreq) = SeekEverySegment(IndexSchema.Body, bytes);
        if (docFreq == 0)
        {
            return new Occurrences(perDocument, 0, 0f, scoring);
        }

        foreach (var (i, leaf, positions) in InBody(bytes, states))
        {
            var document = _documents[i];
            var layout = Layout(i, leaf);
            var counts = new int[layout.Count];
            for (var k = positions.Freq; k > 0; k--)
            {
                var passage = layout.PassageAt(positions.NextPosition());
                if (passage >= 0)
                {
                    counts[passage]++;
                }
            }

            var hits = perDocument[i] = [];
            for (var passage = 0; passage < counts.Length; passage++)
            {
                if (counts[passage] > 0)
                {
                    hits.Add(new Hit(document.Doc + 1 + passage, counts[passage], scoring.Norm(layout.Length(passage))));
                }
            }
        }

        var statistics = _searcher.TermStatistics(new Term(IndexSchema.Body, bytes), context);
        return new Occurrences(perDocument, statistics.DocFreq, Idf(statistics.DocFreq, _searcher.CollectionStatistics(IndexSchema.Body).MaxDoc), scoring);
    }

    // The term's state in each segment that holds it, registered for its index-wide statistics.
    private (TermState?[] States, TermContext Context, long DocFreq) SeekEverySegment(string field, BytesRef bytes)
    {
        var leaves = _searcher.IndexReader.Leaves;
        var context = new TermContext(_searcher.TopReaderContext);
        var states = new TermState?[leaves.Count];
        long docFreq = 0;
        foreach (var leaf in leaves)
        {
            if (_enums.Seek(leaf.AtomicReader, field, bytes, out var leafDocFreq, out var totalTermFreq) is { } state)
            {
                context.Register(state, leaf.Ord, leafDocFreq, totalTermFreq);
                states[leaf.Ord] = state;
                docFreq += leafDocFreq;
            }
        }

        return (states, context, docFreq);
    }

    private PassagePositions Layout(int index, AtomicReaderContext leaf)
    {
        if (_layouts[index] is not { } layout)
        {
            layout = PassagePositions.Empty;
            if (leaf.AtomicReader.GetBinaryDocValues(IndexSchema.PassageLayout) is { } values)
            {
                var bytes = new BytesRef();
                values.Get(_documents[index].Doc - leaf.DocBase, bytes);
                layout = PassagePositions.Decode(bytes.Bytes, bytes.Offset, bytes.Length);
            }

            _layouts[index] = layout;
        }

        return layout;
    }

    // Passage texts: N counts the passages with terms (their mark), the total length is the body's (the same terms).
    private FieldScoring TextScoring()
    {
        if (!_fields.TryGetValue(IndexSchema.PassageText, out var scoring))
        {
            var passages = _searcher.CollectionStatistics(IndexSchema.PassageText).DocCount;
            var statistics = new CollectionStatistics(IndexSchema.PassageText, passages, passages, _searcher.CollectionStatistics(IndexSchema.Body).SumTotalTermFreq, -1);
            _fields[IndexSchema.PassageText] = scoring = FieldScoring.Of(statistics, (BM25Similarity)IndexStore.Similarity);
        }

        return scoring;
    }

    private Occurrences Read(string field, string term)
    {
        var scoring = Scoring(field);
        var perDocument = new List<Hit>?[_documents.Count];
        var bytes = new BytesRef(term);
        var leaves = _searcher.IndexReader.Leaves;
        var (states, context, docFreq) = SeekEverySegment(field, bytes);
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
            if (states[leafIndex] is not { } state || document.Passages <= 0)
            {
                continue;
            }

            var leaf = leaves[leafIndex];
            if (leafIndex != current)
            {
                current = leafIndex;
                docs = _enums.Docs(leaf.AtomicReader, field, bytes, state, leaf.AtomicReader.LiveDocs);
                norms = leaf.AtomicReader.GetNormValues(field);
            }

            var first = document.Doc - leaf.DocBase + 1;
            var end = first + document.Passages;
            var at = docs!.DocID;
            if (at < first)
            {
                at = docs.Advance(first);
            }

            for (; at < end; at = docs.NextDoc())
            {
                (perDocument[i] ??= []).Add(new Hit(leaf.DocBase + at, docs.Freq, norms is null ? FieldScoring.NoNorm : (byte)norms.Get(at)));
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

        /// <summary>BM25's term-frequency part for one passage, (k1 + 1) · freq / (freq + k1 · (1 − b + b · length / avgdl)), without idf.</summary>
        public float Saturation(Hit hit) => (Scoring.K1 + 1) * hit.Freq / (hit.Freq + Scoring.Cache[hit.Norm]);
    }

    /// <summary>A field's BM25 constants: N, and k1 · (1 − b + b · length / avgdl) per norm byte (as BM25Similarity caches it).</summary>
    public sealed class FieldScoring
    {
        private readonly BM25Similarity _similarity;
        // Reused for every norm: a FieldScoring belongs to one request's PassagePostings, on one thread.
        private readonly FieldInvertState _length;

        private FieldScoring(BM25Similarity similarity, string field, long documents, float[] cache)
        {
            _similarity = similarity;
            _length = new FieldInvertState(field, 0, 0, 0, 0, 1f);
            K1 = similarity.K1;
            Documents = documents;
            Cache = cache;
        }

        public float K1 { get; }

        public long Documents { get; }

        /// <summary>The norm of a field that has none: BM25 then counts the length as average.</summary>
        public const int NoNorm = 256;

        /// <summary>Indexed by norm byte, and <see cref="NoNorm"/>.</summary>
        public float[] Cache { get; }

        /// <summary>The norm byte Lucene writes for a field of <paramref name="length"/> terms at one position each.</summary>
        public int Norm(int length)
        {
            _length.Length = length;
            return (byte)_similarity.ComputeNorm(_length);
        }

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
            return new FieldScoring(similarity, statistics.Field, statistics.MaxDoc, cache);
        }
    }
}
