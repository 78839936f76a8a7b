using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Index;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Reads the index's term dictionary: document frequencies of stems, and the surface words with theirs.</summary>
/// <remarks>The seam for typo tolerance: a corrector needs "how common is this stem" and "which words are there".</remarks>
public static class TermDictionaryReader
{
    /// <summary>Documents holding <paramref name="stem"/> (as a whole word's stem or a compound part) in any zone; the largest zone count.</summary>
    public static int StemFrequency(IndexReader reader, string stem)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(stem);
        return FieldWeights.Zones.Max(zone => reader.DocFreq(new Term(zone.Positional, stem)));
    }

    /// <summary>Every surface word of titles, headings and bodies with the number of documents holding it (largest zone count).</summary>
    public static List<VocabularyEntry> ReadWords(IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var zone in FieldWeights.Zones)
        {
            var terms = MultiFields.GetTerms(reader, zone.Words);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var word = termsEnum.Term.Utf8ToString();
                words[word] = Math.Max(words.GetValueOrDefault(word), termsEnum.DocFreq);
            }
        }

        return words.Select(w => new VocabularyEntry(w.Key, w.Value)).ToList();
    }
}
