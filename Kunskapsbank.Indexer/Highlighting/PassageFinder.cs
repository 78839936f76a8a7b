using System.Globalization;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Query;
using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Highlighting;

/// <summary>Chooses the 1–3 passages of each result document that best answer the query, in one search over their passages.</summary>
/// <remarks>
/// The passages of the page's documents are the only candidates (a filter on their document keys drives the search, so a
/// common word costs a skip per candidate, not a walk of its postings); each passage scores BM25 of the query's stems in
/// its text plus a bonus for its heading. Up to three per document, and weaker ones only when they are nearly as good
/// as the best (≥ 60 %). A document none of whose passages holds a query word matched on its title alone.
/// </remarks>
public static class PassageFinder
{
    /// <summary>At most this many passages per hit.</summary>
    public const int MaxPassages = 3;

    /// <summary>A weaker passage is shown only when it scores at least this share of the best one.</summary>
    public const double KeepShare = 0.6;

    /// <summary>For each document, its best passages (empty when none holds a query word).</summary>
    /// <param name="documents">The page's documents: id, global doc number, and the stems of the title (a title word counts less).</param>
    public static Dictionary<long, List<StoredPassage>> Find(IndexSearcher searcher, IReadOnlyList<PageDocument> documents, IReadOnlyList<QueryClause> leaves, LuceneQueryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentNullException.ThrowIfNull(builder);
        var result = new Dictionary<long, List<StoredPassage>>();
        foreach (var document in documents)
        {
            result.TryAdd(document.Id, []);
        }

        // Prefixes place nothing when the query has words too (their expansion says little about which paragraph answers).
        var placing = leaves.Any(l => l is not PrefixClause) ? leaves.Where(l => l is not PrefixClause).Distinct().ToList() : leaves.Distinct().ToList();
        if (result.Count == 0 || placing.Count == 0)
        {
            return result;
        }

        // One search: per document, its passages (a one-term filter that drives the conjunction) and the query's leaves
        // weighted for that document.
        var query = new BooleanQuery(disableCoord: true);
        var rarity = new WithinDocument(searcher);
        foreach (var document in documents.DistinctBy(d => d.Id))
        {
            // A term query on the key (scoring nothing) walks only this document's block; a filter would build a bit set
            // of every segment's size per document.
            var ofDocument = new TermQuery(new Term(IndexSchema.DocumentKey, document.Id.ToString(CultureInfo.InvariantCulture))) { Boost = 0f };
            var words = new BooleanQuery(disableCoord: true);
            foreach (var leaf in placing)
            {
                var weight = rarity.Weight(document, leaf);
                if (weight > 0)
                {
                    words.Add(builder.ForPassages(leaf, weight), Occur.SHOULD);
                }
            }

            if (words.Clauses.Count > 0)
            {
                query.Add(new BooleanQuery(disableCoord: true) { { ofDocument, Occur.MUST }, { words, Occur.MUST } }, Occur.SHOULD);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return result;
        }

        var collector = new BestPerDocument(); searcher.Search(query, collector);
        foreach (var (id, best) in collector.Best)
        {
            var ranked = best.OrderByDescending(p => p.Score).ThenBy(p => p.Ordinal).ToList();
            foreach (var passage in ranked)
            {
                if (result[id].Count > 0 && passage.Score < ranked[0].Score * KeepShare)
                {
                    break;
                }

                result[id].Add(StoredReading.ReadPassage(searcher, passage.Doc, id));
            }
        }

        return result;
    }

    /// <summary>The first passage of the document at global doc number <paramref name="doc"/> (written right after it), or null.</summary>
    public static StoredPassage? Opening(IndexSearcher searcher, int doc, long id)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var next = doc + 1;
        if (next >= searcher.IndexReader.MaxDoc)
        {
            return null;
        }

        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(next, leaves)];
        var local = next - leaf.DocBase;
        var parents = leaf.AtomicReader.GetNumericDocValues(IndexSchema.Parent);
        var ordinals = leaf.AtomicReader.GetNumericDocValues(IndexSchema.Ordinal);
        var live = leaf.AtomicReader.LiveDocs;
        if (parents is null || ordinals is null || (live is not null && !live.Get(local)) || parents.Get(local) != id || ordinals.Get(local) != 0)
        {
            return null;
        }

        return StoredReading.ReadPassage(searcher, next, id);
    }

    /// <summary>A document on the result page.</summary>
    /// <param name="Doc">Its global Lucene doc number.</param>
    /// <param name="Passages">How many passages follow it.</param>
    public sealed record PageDocument(long Id, int Doc, int Passages, IReadOnlySet<string> TitleStems);

    private readonly record struct Candidate(int Doc, int Ordinal, float Score);

    /// <summary>How much a query word tells about where in <i>this</i> document the answer is.</summary>
    /// <remarks>A word on every page of a document (its topic) says nothing about which page answers; a word on one page
    /// says a lot — and a word of the title chose the document, not the passage. So each leaf's passage score uses the
    /// word's rarity among the document's own passages, ln(1 + passages / passages holding it), in place of its idf over
    /// the whole index (the boost divides that idf out again), a quarter of it for a title word.</remarks>
    private sealed class WithinDocument(IndexSearcher searcher)
    {
        private readonly Dictionary<(int Leaf, string Field), TermsEnum?> _enums = [];
        private readonly CollectionStatistics _collection = searcher.CollectionStatistics(IndexSchema.PassageText);
        private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);

        public float Weight(PageDocument document, QueryClause leaf)
        {
            var stems = leaf switch
            {
                TermClause term => [term.Stem],
                PhraseClause phrase => phrase.Stems,
                _ => [],
            };
            if (stems.Count == 0)
            {
                return 1f;
            }

            var stem = stems.OrderBy(s => Holding(document, s)).First();
            var holding = Holding(document, stem);
            if (holding == 0)
            {
                return 0f;
            }

            var worth = Math.Log(1 + ((double)document.Passages / holding));
            if (stems.Count == 1 && document.TitleStems.Contains(stem))
            {
                worth *= FieldWeights.PassageTitleWord;
            }

            return (float)(worth / Math.Max(Idf(stem), 1e-6));
        }

        // The idf BM25 gives the stem in passage texts, which the leaf's boost divides out again.
        private double Idf(string stem)
        {
            if (!_idf.TryGetValue(stem, out var idf))
            {
                var term = new Term(IndexSchema.PassageText, stem);
                var docFreq = searcher.TermStatistics(term, TermContext.Build(searcher.TopReaderContext, term)).DocFreq;
                _idf[stem] = idf = Math.Log(1 + ((_collection.MaxDoc - docFreq + 0.5) / (docFreq + 0.5)));
            }

            return idf;
        }

        // The document's passages are the block of doc numbers right after it; a passage holds a word in its text or heading.
        private int Holding(PageDocument document, string stem)
        {
            var leaves = searcher.IndexReader.Leaves;
            var leaf = leaves[ReaderUtil.SubIndex(document.Doc, leaves)];
            var first = document.Doc - leaf.DocBase + 1;
            var end = first + document.Passages;
            var holding = new HashSet<int>();
            foreach (var field in new[] { IndexSchema.PassageText, IndexSchema.PassageHeading })
            {
                if (!_enums.TryGetValue((leaf.Ord, field), out var termsEnum))
                {
                    _enums[(leaf.Ord, field)] = termsEnum = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
                }

                if (termsEnum is null || !termsEnum.SeekExact(new Lucene.Net.Util.BytesRef(stem)))
                {
                    continue;
                }

                var postings = termsEnum.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);
                for (var doc = postings.Advance(first); doc < end; doc = postings.NextDoc())
                {
                    holding.Add(doc);
                }
            }

            return holding.Count;
        }
    }

    /// <summary>Keeps the best few passages per parent document.</summary>
    private sealed class BestPerDocument : ICollector
    {
        private Scorer? _scorer;
        private NumericDocValues? _parents;
        private NumericDocValues? _ordinals;
        private int _base;

        public Dictionary<long, List<Candidate>> Best { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetNextReader(AtomicReaderContext context)
        {
            _base = context.DocBase;
            _parents = context.AtomicReader.GetNumericDocValues(IndexSchema.Parent);
            _ordinals = context.AtomicReader.GetNumericDocValues(IndexSchema.Ordinal);
        }

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void Collect(int doc)
        {
            if (_parents is null || _scorer is null)
            {
                return;
            }

            var parent = _parents.Get(doc);
            var candidate = new Candidate(_base + doc, (int)(_ordinals?.Get(doc) ?? 0), _scorer.GetScore());
            if (!Best.TryGetValue(parent, out var list))
            {
                Best[parent] = list = new List<Candidate>(MaxPassages + 1);
            }

            list.Add(candidate);
            if (list.Count > MaxPassages)
            {
                // Drop the weakest (ties: the later passage).
                var worst = 0;
                for (var i = 1; i < list.Count; i++)
                {
                    if (list[i].Score < list[worst].Score || (list[i].Score == list[worst].Score && list[i].Ordinal > list[worst].Ordinal))
                    {
                        worst = i;
                    }
                }

                list.RemoveAt(worst);
            }
        }
    }
}
