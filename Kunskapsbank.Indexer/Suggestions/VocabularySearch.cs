using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Finds the words of a sorted word list within a weighted edit distance of a word, walking the list as a trie.</summary>
/// <remarks>
/// The classic dictionary walk: words share the distance rows of their common prefix, so each row is computed once per
/// prefix, and as soon as a prefix's row has no cell within the distance every word starting with it is skipped by one
/// binary search. The cost follows the number of prefixes still within reach, not the size of the list, and the
/// distance is exactly <see cref="SwedishEditDistance"/> (half-cost å/ä/ö slips, swaps of neighbours), so nothing needs
/// re-scoring. Lucene's <c>LevenshteinAutomata</c> over the term dictionary was measured first and dropped: compiling a
/// two-edit automaton cost 1.3–6.8 ms per word (best of 15, 10–22 letters) and a whole correction with compound splits
/// 90–280 ms on this machine, and its whole edits need a second, re-scored pass for half-cost letters.
/// </remarks>
public static class VocabularySearch
{
    /// <summary>The entries of <paramref name="sorted"/> (ordinal order) within <paramref name="max"/> of <paramref name="word"/>, the word itself excluded, at most <paramref name="limit"/> of them.</summary>
    public static List<(VocabularyEntry Entry, double Distance)> Near(IReadOnlyList<VocabularyEntry> sorted, string word, double max, int limit)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentNullException.ThrowIfNull(word);
        var found = new List<(VocabularyEntry, double)>();
        var m = word.Length;
        var maxDepth = m + (int)Math.Floor(max);
        var rows = new double[maxDepth + 1][];
        for (var d = 0; d <= maxDepth; d++)
        {
            rows[d] = new double[m + 1];
        }

        for (var j = 0; j <= m; j++)
        {
            rows[0][j] = j;
        }

        var previous = string.Empty;
        var valid = 0; // rows[0..valid] belong to the prefix previous[..valid]
        var i = 0;
        while (i < sorted.Count && found.Count < limit)
        {
            var term = sorted[i].Term;
            var depth = Math.Min(valid, CommonPrefix(previous, term));
            var pruned = -1;
            var limitDepth = Math.Min(term.Length, maxDepth);
            while (depth < limitDepth)
            {
                depth++;
                if (!FillRow(rows, depth, term, word, max))
                {
                    pruned = depth;
                    break;
                }
            }

            previous = term;
            if (pruned > 0)
            {
                // No word starting with term[..pruned] can come within the distance.
                valid = pruned - 1;
                i = FirstWithoutPrefix(sorted, i, term[..pruned]);
                continue;
            }

            valid = depth;
            if (term.Length <= maxDepth && depth == term.Length && rows[depth][m] <= max && term != word)
            {
                found.Add((sorted[i], rows[depth][m]));
            }

            i++;
        }

        return found;
    }

    // Row `depth` of the distance table (the term's first `depth` letters against the word); false when every cell exceeds max.
    private static bool FillRow(double[][] rows, int depth, string term, string word, double max)
    {
        var row = rows[depth];
        var above = rows[depth - 1];
        var c = term[depth - 1];
        row[0] = depth;
        var rowMin = row[0];
        for (var j = 1; j <= word.Length; j++)
        {
            var w = word[j - 1];
            var cost = c == w ? 0 : SwedishEditDistance.IsCheapPair(c, w) ? SwedishEditDistance.CheapSubstitution : 1.0;
            var value = Math.Min(Math.Min(above[j] + 1, row[j - 1] + 1), above[j - 1] + cost);
            if (depth > 1 && j > 1 && c == word[j - 2] && term[depth - 2] == w)
            {
                value = Math.Min(value, rows[depth - 2][j - 2] + 1);
            }

            row[j] = value;
            rowMin = Math.Min(rowMin, value);
        }

        return rowMin <= max;
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var k = 0;
        while (k < n && a[k] == b[k])
        {
            k++;
        }

        return k;
    }

    // The first index after `from` whose term does not start with `prefix` (the terms with it are contiguous from `from`).
    private static int FirstWithoutPrefix(IReadOnlyList<VocabularyEntry> sorted, int from, string prefix)
    {
        int lo = from + 1, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (sorted[mid].Term.StartsWith(prefix, StringComparison.Ordinal))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
