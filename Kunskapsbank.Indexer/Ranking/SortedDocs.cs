using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Ranking;

/// <summary>Walks an ascending array of a segment's documents, skipping deleted ones, the way a postings list is walked.</summary>
internal sealed class SortedDocs(int[] docs, IBits? acceptDocs)
{
    /// <summary>Where the walk stands in the array (the array's length when done).</summary>
    public int Index { get; private set; } = -1;

    /// <summary>The current document (-1 before the first, <see cref="DocIdSetIterator.NO_MORE_DOCS"/> after the last).</summary>
    public int Doc { get; private set; } = -1;

    /// <summary>How many documents the array holds.</summary>
    public long Cost => docs.Length;

    /// <summary>Moves to the next live document.</summary>
    public int NextDoc() => Settle(Index + 1);

    /// <summary>Moves to the first live document at or after <paramref name="target"/>: galloping, then binary search,
    /// since a conjunction advances a common word by long strides.</summary>
    public int Advance(int target)
    {
        var low = Index + 1;
        if (low >= docs.Length || docs[low] >= target)
        {
            return Settle(low);
        }

        var step = 1;
        var high = low + 1;
        while (high < docs.Length && docs[high] < target)
        {
            low = high;
            step <<= 1;
            high = low + step;
        }

        var lo = low + 1;
        var hi = Math.Min(high, docs.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (docs[mid] < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return Settle(lo);
    }

    private int Settle(int index)
    {
        while (index < docs.Length && acceptDocs is not null && !acceptDocs.Get(docs[index]))
        {
            index++;
        }

        Index = Math.Min(index, docs.Length);
        return Doc = index < docs.Length ? docs[index] : DocIdSetIterator.NO_MORE_DOCS;
    }
}
