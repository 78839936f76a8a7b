using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Query;
using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Highlighting;

/// <summary>Chooses the 1–3 passages of each result document that best answer the query, from the postings of its passages.</summary>
/// <remarks>
/// The passages of the page's documents are the only candidates: each query term's postings are read once and advanced
/// from page document to page document (<see cref="PassagePostings"/>); a common word costs a skip per document, not a
/// walk of its postings. Each passage scores BM25's term-frequency part of the query's stems in its text plus a bonus
/// for its heading, weighted by the stem's rarity within the document. Up to three per document, and weaker ones only
/// when they are nearly as good as the best (≥ 60 %). A document none of whose passages holds a query word matched on
/// its title alone.
/// </remarks>
public static class PassageFinder
{
    /// <summary>At most this many passages per hit.</summary>
    public const int MaxPassages = 3;

    /// <summary>A weaker passage is shown only when it scores at least this share of the best one.</summary>
    public const double KeepShare = 0.6;

    /// <summary>For each document, its best passages (empty when none holds a query word).</summary>
    /// <param name="documents">The page's documents: id, global doc number, and the stems of the title (a title word counts less).</param>
    /// <param name="enums">The searching thread's enumerators.</param>
    public static Dictionary<long, List<StoredPassage>> Find(IndexSearcher searcher, IReadOnlyList<PageDocument> documents, IReadOnlyList<QueryClause> leaves, LuceneQueryBuilder builder, ReusableEnums enums)
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

        var ordered = documents.DistinctBy(d => d.Id).OrderBy(d => d.Doc).ToList();
        var postings = new PassagePostings(searcher, ordered, enums);
        var rarity = new WithinDocument(postings);
        var scores = new Dictionary<int, float>();
        var leafScores = new Dictionary<int, float>();
        for (var i = 0; i < ordered.Count; i++)
        {
            scores.Clear();
            foreach (var leaf in placing)
            {
                var weight = rarity.Weight(i, ordered[i], leaf);
                if (weight > 0)
                {
                    leafScores.Clear();
                    ScoreLeaf(postings, builder, i, leaf, weight, leafScores);
                    foreach (var (doc, score) in leafScores)
                    {
                        scores[doc] = scores.GetValueOrDefault(doc) + score;
                    }
                }
            }

            var best = Best(searcher, ordered[i], scores);
            foreach (var passage in best)
            {
                if (result[ordered[i].Id].Count > 0 && passage.Score < best[0].Score * KeepShare)
                {
                    break;
                }

                result[ordered[i].Id].Add(StoredReading.ReadPassage(searcher, passage.Doc, ordered[i].Id));
            }
        }

        return result;
    }

    // A leaf's score per passage: a word is its stem in the text plus its stem in the heading (×1.5), each BM25's
    // frequency part times the leaf's weight; a phrase needs all its stems (each in text or heading), and the passages
    // whose text holds it word for word when there are any, and scores as them;
    // a prefix is any of its most frequent expansions in the text, each with its BM25 idf.
    private static void ScoreLeaf(PassagePostings postings, LuceneQueryBuilder builder, int document, QueryClause leaf, float weight, Dictionary<int, float> into)
    {
        switch (leaf)
        {
            case TermClause term:
                AddStem(postings, document, term.Stem, weight, into);
                break;
            case PhraseClause phrase:
                {
                    var stems = phrase.PlacedStems.Distinct(StringComparer.Ordinal).ToList();
                    var perStem = new Dictionary<int, float>();
                    for (var s = 0; s < stems.Count; s++)
                    {
                        perStem.Clear();
                        AddStem(postings, document, stems[s], weight, perStem);
                        if (s == 0)
                        {
                            foreach (var (doc, score) in perStem)
                            {
                                into[doc] = score;
                            }

                            continue;
                        }

                        foreach (var doc in into.Keys.ToList())
                        {
                            if (perStem.TryGetValue(doc, out var score))
                            {
                                into[doc] += score;
                            }
                            else
                            {
                                into.Remove(doc);
                            }
                        }
                    }

                    if (!phrase.OnlyStopWords && postings.HoldingPhrase(phrase.PlacedStems, phrase.PlacedOffsets)[document] is { } holding)
                    {
                        foreach (var doc in into.Keys.Where(doc => !holding.Contains(doc)).ToList())
                        {
                            into.Remove(doc);
                        }
                    }

                    break;
                }

            case PrefixClause prefix:
                foreach (var term in builder.PassageExpansion(prefix))
                {
                    var text = postings.InText(term);
                    foreach (var hit in text.PerDocument[document] ?? [])
                    {
                        into[hit.Doc] = into.GetValueOrDefault(hit.Doc) + text.Score(hit, 1f, weight);
                    }
                }

                break;
        }
    }

    private static void AddStem(PassagePostings postings, int document, string stem, float weight, Dictionary<int, float> into)
    {
        var text = postings.InText(stem);
        foreach (var hit in text.PerDocument[document] ?? [])
        {
            into[hit.Doc] = text.Saturation(hit) * weight;
        }

        var heading = postings.Of(IndexSchema.PassageHeading, stem);
        foreach (var hit in heading.PerDocument[document] ?? [])
        {
            into[hit.Doc] = into.GetValueOrDefault(hit.Doc) + (heading.Saturation(hit) * FieldWeights.PassageHeading * weight);
        }
    }

    // The best few passages, best first (ties: the earlier passage).
    private static List<Candidate> Best(IndexSearcher searcher, PageDocument document, Dictionary<int, float> scores)
    {
        if (scores.Count == 0)
        {
            return [];
        }

        // A document's passages follow it in its block, in order: the ordinal is the distance from the document.
        var candidates = new List<Candidate>(scores.Count);
        foreach (var (doc, score) in scores)
        {
            candidates.Add(new Candidate(doc, doc - document.Doc - 1, score));
        }

        candidates.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Ordinal.CompareTo(b.Ordinal));
        return candidates.Count > MaxPassages ? candidates[..MaxPassages] : candidates;
    }

    /// <summary>The first passage of the document at global doc number <paramref name="doc"/> (written right after it), or null.</summary>
    public static StoredPassage? Opening(IndexSearcher searcher, int doc, long id)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        // The block is never split: a document with passages has its first one next in the same segment.
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var local = doc - leaf.DocBase;
        var live = leaf.AtomicReader.LiveDocs;
        if (StoredReading.PassageCount(searcher, doc) == 0 || local + 1 >= leaf.AtomicReader.MaxDoc || (live is not null && !live.Get(local + 1)))
        {
            return null;
        }

        return StoredReading.ReadPassage(searcher, doc + 1, id);
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
    /// the whole index, a quarter of it for a title word.</remarks>
    private sealed class WithinDocument(PassagePostings postings)
    {
        private readonly HashSet<int> _holding = [];

        public float Weight(int index, PageDocument document, QueryClause leaf)
        {
            IReadOnlyList<string> stems = leaf switch
            {
                TermClause term => [term.Stem],
                PhraseClause phrase => phrase.PlacedStems,
                _ => [],
            };
            if (stems.Count == 0)
            {
                return 1f;
            }

            // The rarest stem in the document (the first of equals).
            var stem = stems[0];
            var holding = Holding(index, stem);
            for (var i = 1; i < stems.Count; i++)
            {
                var count = Holding(index, stems[i]);
                if (count < holding)
                {
                    (stem, holding) = (stems[i], count);
                }
            }

            if (holding == 0)
            {
                return 0f;
            }

            var worth = Math.Log(1 + ((double)document.Passages / holding));
            if (stems.Count == 1 && document.TitleStems.Contains(stem))
            {
                worth *= FieldWeights.PassageTitleWord;
            }

            return (float)worth;
        }

        // Passages of the document holding the stem in their text or heading.
        private int Holding(int index, string stem)
        {
            _holding.Clear();
            foreach (var hit in postings.InText(stem).PerDocument[index] ?? [])
            {
                _holding.Add(hit.Doc);
            }

            foreach (var hit in postings.Of(IndexSchema.PassageHeading, stem).PerDocument[index] ?? [])
            {
                _holding.Add(hit.Doc);
            }

            return _holding.Count;
        }
    }
}
