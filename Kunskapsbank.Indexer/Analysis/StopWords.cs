using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>The stop list: Snowball's Swedish list minus the words that carry meaning in this field.</summary>
public sealed class StopWords
{
    private readonly HashSet<string> _words;

    private StopWords(HashSet<string> words) => _words = words;

    /// <summary>The words on the list, lower case.</summary>
    public IReadOnlySet<string> Words => _words;

    /// <summary>Loads snowball-stop.txt and removes the words listed in stop-word-exceptions.txt.</summary>
    public static StopWords Load()
    {
        var words = new HashSet<string>(AnalysisResources.DataLines("snowball-stop.txt"), StringComparer.Ordinal);
        words.ExceptWith(AnalysisResources.FirstColumn("stop-word-exceptions.txt"));

        return new StopWords(words);
    }

    /// <summary>True if the lower-cased word is a stop word.</summary>
    public bool Contains(string word) => _words.Contains(word);

    /// <summary>The list as a Lucene set, for look-ups by character buffer.</summary>
    public CharArraySet ToCharArraySet() => new(LuceneVersion.LUCENE_48, _words, ignoreCase: false);
}
