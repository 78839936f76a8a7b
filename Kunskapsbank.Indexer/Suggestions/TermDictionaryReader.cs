using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Reads the index's term dictionary: document frequencies of stems, and the surface words with theirs.</summary>
/// <remarks>The seam for typo tolerance: a corrector needs "how common is this stem" and "which words are there".</remarks>
public static class TermDictionaryReader
{
    /// <summary>Documents holding <paramref name="stem"/> (as a whole word's stem or a compound part) in any zone; the largest
    /// zone count. Seeks with the search's reused terms enums.</summary>
    /// <remarks>Every query word of five letters or more is checked for a typo; through <c>IndexReader.DocFreq</c> each
    /// check made a block-tree terms enum per zone and segment (kilobytes each: a tenth of a top-10 search's garbage).</remarks>
    public static int StemFrequency(IndexReader reader, string stem, ReusableEnums enums)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(enums);
        var bytes = new BytesRef(stem);
        var most = 0;
        foreach (var zone in FieldWeights.Zones)
        {
            var documents = 0;
            foreach (var leaf in reader.Leaves)
            {
                if (enums.Seek(leaf.AtomicReader, zone.Positional, bytes, out var docFreq, out _) is not null)
                {
                    documents += docFreq;
                }
            }

            most = Math.Max(most, documents);
        }

        return most;
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
