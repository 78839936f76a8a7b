using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Query;

/// <summary>The terms a prefix stands for: the most frequent ones, found by a bounded walk of the term dictionary.</summary>
/// <remarks>Lucene's own rewrites either expand to every term (a clause-count bomb for <c>a*</c>) or keep the first terms
/// in alphabetical order; a user typing <c>risk*</c> means the common words, so the walk keeps the most frequent.</remarks>
public static class PrefixExpansion
{
    /// <summary>Most terms a prefix expands to.</summary>
    public const int MaxTerms = 64;

    /// <summary>Most dictionary entries looked at per field.</summary>
    public const int MaxScanned = 20_000;

    /// <summary>Up to <paramref name="limit"/> terms of <paramref name="fields"/> starting with <paramref name="prefix"/>, most documents first.</summary>
    public static List<string> Expand(IndexReader reader, IEnumerable<string> fields, string prefix, int limit = MaxTerms)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(prefix);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = new BytesRef(prefix);
        foreach (var field in fields)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            if (termsEnum.SeekCeil(start) == TermsEnum.SeekStatus.END)
            {
                continue;
            }

            var scanned = 0;
            do
            {
                var term = termsEnum.Term;
                if (!StringHelper.StartsWith(term, start) || ++scanned > MaxScanned)
                {
                    break;
                }

                var text = term.Utf8ToString();
                frequencies[text] = Math.Max(frequencies.GetValueOrDefault(text), termsEnum.DocFreq);
            }
            while (termsEnum.MoveNext());
        }

        return frequencies.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(limit).Select(f => f.Key).ToList();
    }
}
