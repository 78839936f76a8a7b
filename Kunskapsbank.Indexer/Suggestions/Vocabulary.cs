using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>The index's surface words with document frequencies: what "Menade du …?" offers and typeahead completes.</summary>
/// <remarks>Immutable; read from the term dictionary of the word fields (<see cref="TermDictionaryReader"/>) for one reader.</remarks>
public sealed class Vocabulary
{
    private readonly VocabularyEntry[] _wordsSorted;

    /// <summary>Builds the vocabulary from word entries (any order; words with other characters than letters and digits are left out).</summary>
    public Vocabulary(IEnumerable<VocabularyEntry> words)
    {
        _wordsSorted = words.Where(w => w.Term.Length > 1 && w.Term.All(char.IsLetterOrDigit)).OrderBy(w => w.Term, StringComparer.Ordinal).ToArray();
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

    /// <summary>Words starting with <paramref name="prefix"/>, most frequent first.</summary>
    public List<VocabularyEntry> WordsWithPrefix(string prefix, int limit)
    {
        var index = Array.BinarySearch(_wordsSorted, new VocabularyEntry(prefix, 0), EntryComparer.Instance);
        if (index < 0)
        {
            index = ~index;
        }

        var top = new List<VocabularyEntry>();
        for (var i = index; i < _wordsSorted.Length && _wordsSorted[i].Term.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            top.Add(_wordsSorted[i]);
        }

        return top.OrderByDescending(e => e.DocumentCount).ThenBy(e => e.Term, StringComparer.Ordinal).Take(limit).ToList();
    }

    private sealed class EntryComparer : IComparer<VocabularyEntry>
    {
        public static EntryComparer Instance { get; } = new();

        public int Compare(VocabularyEntry x, VocabularyEntry y) => string.CompareOrdinal(x.Term, y.Term);
    }
}
