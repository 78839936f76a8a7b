using System.Text;
using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Index;

/// <summary>The stop words of a zone's text as one term, a bit per word of the stop list, and those bits read back into
/// the word field's stop words when a segment is flushed (<see cref="ZoneFieldsConsumer"/>).</summary>
/// <remarks>A word field keeps each stop word once per document (only a query of stop words alone scores them), which
/// was half a million (document, term) pairs for Lucene to invert at 10,000 documents, a tenth of all the zones'; one
/// term per document carries the same. A stop word that is not on the list (the analysis marked it, the list changed)
/// stays a term of its own.</remarks>
public sealed class StopWordMask
{
    /// <summary>Starts a mask term (below every character of a word).</summary>
    public const byte Mark = 0x03;

    private readonly byte[][] _words;
    private readonly Dictionary<string, int> _index;

    /// <summary>A mask over <paramref name="words"/>.</summary>
    public StopWordMask(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var sorted = words.Distinct(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes).ToList();
        sorted.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        _words = [.. sorted];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _words.Length; i++)
        {
            _index[Encoding.UTF8.GetString(_words[i])] = i;
        }
    }

    /// <summary>The mask over the analysis's stop list.</summary>
    public static StopWordMask Default { get; } = new(StopWords.Load().Words);

    /// <summary>The length of a mask term in bytes.</summary>
    public int TermLength => 1 + ((_words.Length + 7) / 8);

    /// <summary>The mask bit of <paramref name="word"/>, or -1 when it is not on the list.</summary>
    public int BitOf(string word) => _index.TryGetValue(word, out var bit) ? bit : -1;

    /// <summary>The postings of the stop words a zone's stop-word field stands for: each mask term's documents under
    /// each word whose bit it has, and the other terms as they are; words in Lucene's order, each document once.</summary>
    internal BufferedPostings Expand(BufferedPostings masks)
    {
        ArgumentNullException.ThrowIfNull(masks);
        var docs = new List<int>?[_words.Length];
        var others = new List<(byte[] Term, List<(int Doc, int Freq)> Postings)>();
        for (var term = 0; term < masks.Count; term++)
        {
            var text = masks.Text(term);
            var cursor = masks.Cursor(term);
            if (text.Length == TermLength && text[0] == Mark)
            {
                while (cursor.Next())
                {
                    for (var bit = 0; bit < _words.Length; bit++)
                    {
                        if ((text[1 + (bit >> 3)] & (1 << (bit & 7))) != 0)
                        {
                            (docs[bit] ??= []).Add(cursor.Doc);
                        }
                    }
                }
            }
            else
            {
                var postings = new List<(int, int)>();
                while (cursor.Next())
                {
                    postings.Add((cursor.Doc, cursor.Freq));
                }

                others.Add((text.ToArray(), postings));
            }
        }

        for (var bit = 0; bit < _words.Length; bit++)
        {
            if (docs[bit] is { } list)
            {
                others.Add((_words[bit], [.. list.Select(doc => (doc, 1))]));
            }
        }

        return BufferedPostings.OfTerms(others);
    }
}
