using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Query;

namespace Kunskapsbank.Indexer.Highlighting;

/// <summary>Chooses the 1–3 passages of a result document that best answer the query.</summary>
/// <remarks>
/// One rowid-range lookup per query word tells which passages hold it (and one more which headings do). A word is worth
/// more the fewer of the document's passages hold it — within one document that is what separates the answer from the
/// passages that merely share the topic — and less when it is in the title (it chose the document, not the passage).
/// A passage scores the sum of the worths of the words it holds, half as much again when its heading holds them.
/// bm25 is not used here: FTS5 recomputes its statistics over the whole table on every call, which made passage
/// ranking cost more than the whole document search.
/// </remarks>
public sealed class PassageSelector(Analyzer analyzer)
{
    /// <summary>At most this many passages per hit.</summary>
    public const int MaxPassages = 3;

    /// <summary>Passage ids, best first (empty when no passage holds any query word).</summary>
    public List<long> Select(IndexStore.ReaderSession session, long documentId, string title, IReadOnlyList<QueryClause> leaves)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0)
        {
            return [];
        }

        // passage_fts has no prefix index, so a prefix lookup merges every matching term's whole doclist; when other
        // words can place the passage, prefixes are left to the snippet's marking.
        if (leaves.Any(l => l is not PrefixClause))
        {
            leaves = leaves.Where(l => l is not PrefixClause).ToList();
        }

        var titleStems = analyzer.Analyze(title).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var scores = new Dictionary<long, double>();
        int? passageCount = null;
        foreach (var leaf in leaves.Distinct())
        {
            var holding = session.PassagesMatching(MatchExpression.ForPassageLeaf(leaf, headingOnly: false), documentId);
            if (holding.Count == 0)
            {
                continue;
            }

            passageCount ??= session.CountPassages(documentId);
            var worth = Math.Log(1 + ((double)passageCount.Value / holding.Count));
            if (leaf is TermClause term && titleStems.Contains(term.Stem))
            {
                worth *= 0.25;
            }

            foreach (var id in holding)
            {
                scores[id] = scores.GetValueOrDefault(id) + worth;
            }

            foreach (var id in session.PassagesMatching(MatchExpression.ForPassageLeaf(leaf, headingOnly: true), documentId))
            {
                scores[id] = scores.GetValueOrDefault(id) + (worth * 0.5);
            }
        }

        var ranked = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(MaxPassages).ToList();
        var chosen = new List<long>(ranked.Count);
        foreach (var (id, score) in ranked)
        {
            // Weaker passages are shown only when they are nearly as good as the best one.
            if (chosen.Count > 0 && score < ranked[0].Value * 0.6)
            {
                break;
            }

            chosen.Add(id);
        }

        return chosen;
    }
}
