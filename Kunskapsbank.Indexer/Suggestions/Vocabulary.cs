using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>The index's surface words with document frequencies: what "Menade du …?" offers and typeahead completes.</summary>
/// <remarks>Immutable; read from the term dictionary of the word fields (<see cref="TermDictionaryReader"/>) for one reader.</remarks>
public sealed class Vocabulary
{
    // A prefix shared by more words than this (a one- or two-letter prefix matches tens of thousands at 100,000
    // documents) gets its most frequent words ranked once, here, instead of on every keystroke; smaller ranges are
    // ranked when asked. Typeahead asks for at most 50 words, so 50 ranked words per large prefix answer it exactly.
    private const int RankedRangeLimit = 512;
    private const int RankedPerPrefix = 50;

    private readonly VocabularyEntry[] _wordsSorted;
    private readonly Dictionary<string, VocabularyEntry[]> _rankedByPrefix = new(StringComparer.Ordinal);

    /// <summary>Builds the vocabulary from word entries (any order; words with other characters than letters and digits are left out).</summary>
    public Vocabulary(IEnumerable<VocabularyEntry> words)
    {
        _wordsSorted = words.Where(w => w.Term.Length > 1 && w.Term.All(char.IsLetterOrDigit)).OrderBy(w => w.Term, StringComparer.Ordinal).ToArray();
        RankLargePrefixes(0, _wordsSorted.Length, 0);
    }

    /// <summary>Every word, in ordinal order.</summary>
    public IReadOnlyList<VocabularyEntry> Words => _wordsSorted;

    /// <summary>Number of words in the vocabulary.</summary>
    public int WordCount => _wordsSorted.Length;

    /// <summary>Documents holding this exact surface word.</summary>
    public int WordFrequency(string word)
    {
        var index = Array.BinarySearch(_wordsSorted, new VocabularyEntry(word, 0), EntryComparer.Instance);
        return index >= 0 ? _wordsSorted[index].DocumentCount : 0;
    }

    /// <summary>Words starting with <paramref name="prefix"/>, most frequent first, then in ordinal order.</summary>
    public List<VocabularyEntry> WordsWithPrefix(string prefix, int limit)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (limit <= 0)
        {
            return [];
        }

        if (limit <= RankedPerPrefix && _rankedByPrefix.TryGetValue(prefix, out var ranked))
        {
            return ranked.Take(limit).ToList();
        }

        var (from, to) = PrefixRange.Of(_wordsSorted.Length, i => _wordsSorted[i].Term, prefix);
        return MostFrequent(from, to, limit);
    }

    /// <summary>Ranks every prefix with more than <see cref="RankedRangeLimit"/> words; <paramref name="from"/> to
    /// <paramref name="to"/> are the words sharing their first <paramref name="depth"/> characters.</summary>
    private void RankLargePrefixes(int from, int to, int depth)
    {
        if (to - from <= RankedRangeLimit)
        {
            return;
        }

        _rankedByPrefix[_wordsSorted[from].Term[..depth]] = [.. MostFrequent(from, to, RankedPerPrefix)];

        // In ordinal order the word that is the prefix itself comes first, then one run per next character.
        var start = from;
        while (start < to && _wordsSorted[start].Term.Length == depth)
        {
            start++;
        }

        while (start < to)
        {
            var next = _wordsSorted[start].Term[depth];
            var end = start + 1;
            while (end < to && _wordsSorted[end].Term[depth] == next)
            {
                end++;
            }

            RankLargePrefixes(start, end, depth + 1);
            start = end;
        }
    }

    private List<VocabularyEntry> MostFrequent(int from, int to, int limit)
    {
        // A heap of the best so far, worst on top, keeps a large range at one pass without sorting all of it.
        var best = new PriorityQueue<VocabularyEntry, VocabularyEntry>(limit + 1, FrequencyComparer.Instance);
        for (var i = from; i < to; i++)
        {
            if (best.Count < limit)
            {
                best.Enqueue(_wordsSorted[i], _wordsSorted[i]);
            }
            else if (FrequencyComparer.Instance.Compare(_wordsSorted[i], best.Peek()) > 0)
            {
                best.EnqueueDequeue(_wordsSorted[i], _wordsSorted[i]);
            }
        }

        var ranked = new List<VocabularyEntry>(best.Count);
        while (best.TryDequeue(out var entry, out _))
        {
            ranked.Add(entry);
        }

        ranked.Reverse();
        return ranked;
    }

    private sealed class EntryComparer : IComparer<VocabularyEntry>
    {
        public static EntryComparer Instance { get; } = new();

        public int Compare(VocabularyEntry x, VocabularyEntry y) => string.CompareOrdinal(x.Term, y.Term);
    }

    /// <summary>Orders worse words first: fewer documents, then later in ordinal order.</summary>
    private sealed class FrequencyComparer : IComparer<VocabularyEntry>
    {
        public static FrequencyComparer Instance { get; } = new();

        public int Compare(VocabularyEntry x, VocabularyEntry y)
        {
            var byCount = x.DocumentCount.CompareTo(y.DocumentCount);
            return byCount != 0 ? byCount : string.CompareOrdinal(y.Term, x.Term);
        }
    }
}
