using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Query;

/// <summary>The terms a prefix stands for: the most frequent ones, found by a bounded walk of the term dictionary.</summary>
/// <remarks>Lucene's own rewrites either expand to every term (a clause-count bomb for <c>a*</c>) or keep the first terms
/// in alphabetical order; a user typing <c>risk*</c> means the common words, so the walk keeps the most frequent. Only
/// the kept terms are decoded: a walk over thousands of terms compares frequencies and copies bytes, nothing more.</remarks>
public static class PrefixExpansion
{
    /// <summary>Most terms a prefix expands to.</summary>
    public const int MaxTerms = 64;

    /// <summary>Most dictionary entries looked at per field.</summary>
    public const int MaxScanned = 20_000;

    /// <summary>How many terms a prefix of this length may expand to: fewer for one or two letters, which say little.</summary>
    public static int LimitFor(string prefix) => prefix.Length switch
    {
        <= 1 => MaxTerms / 4,
        2 => MaxTerms / 2,
        _ => MaxTerms,
    };

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
            foreach (var (term, docFreq) in MostFrequent(reader, field, start, limit))
            {
                frequencies[term] = Math.Max(frequencies.GetValueOrDefault(term), docFreq);
            }
        }

        return frequencies.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(limit).Select(f => f.Key).ToList();
    }

    private static List<(string Term, int DocFreq)> MostFrequent(IndexReader reader, string field, BytesRef start, int limit)
    {
        var terms = MultiFields.GetTerms(reader, field);
        var kept = new PriorityQueue<BytesRef, int>(limit + 1);
        if (terms is null)
        {
            return [];
        }

        var termsEnum = terms.GetEnumerator();
        if (termsEnum.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        var scanned = 0;
        do
        {
            var term = termsEnum.Term;
            if (!StringHelper.StartsWith(term, start) || ++scanned > MaxScanned)
            {
                break;
            }

            // Terms come in order, so on equal frequency the earlier (smaller) term is kept.
            var docFreq = termsEnum.DocFreq;
            if (kept.Count < limit)
            {
                kept.Enqueue(BytesRef.DeepCopyOf(term), docFreq);
            }
            else if (kept.TryPeek(out _, out var least) && docFreq > least)
            {
                kept.EnqueueDequeue(BytesRef.DeepCopyOf(term), docFreq);
            }
        }
        while (termsEnum.MoveNext());

        return kept.UnorderedItems.Select(k => (k.Element.Utf8ToString(), k.Priority)).ToList();
    }
}
