namespace Kunskapsbank.Indexer.Ranking;

/// <summary>The merged postings of frequent query words per segment: each document with its BM25F-weighted term
/// frequency, so a common word is scored from one array instead of nine postings lists; likewise a prefix's expansions
/// (<see cref="MergedExpansions"/>) and a phrase's matching documents.</summary>
/// <remarks>
/// A word is scored over three zones × (stem with compound parts, whole-word stem, exact word); for a word in most
/// documents that is nine long postings lists to decode and merge per search, the largest cost of top-10 and facet
/// searches (ARCHITECTURE.md, decision 31). The merge depends only on the segment, the terms and their weights — not
/// on deletions (checked when read) or the statistics (applied when scored) — so it stays valid as long as the
/// segment exists. Least recently used entries go first when the budget is full; entries of segments merged away
/// simply age out.
/// </remarks>
/// <param name="budgetBytes">How much memory the merged postings may hold together.</param>
/// <param name="minimumPostings">Words with fewer postings in a segment (all their lists together) are not merged.</param>
public sealed class WordPostingsCache(long budgetBytes = WordPostingsCache.DefaultBudgetBytes, long minimumPostings = WordPostingsCache.DefaultMinimumPostings)
{
    /// <summary>The default budget: the frequent words of the benchmark's 200 queries take 2.8 MB at 10,000 documents
    /// and about ten times that at 100,000; a budget below the working set would merge the same words over and over.</summary>
    public const long DefaultBudgetBytes = 64L * 1024 * 1024;

    /// <summary>Words whose lists hold fewer postings than this are scored from the lists: merging them saves little.</summary>
    public const long DefaultMinimumPostings = 2_048;

    /// <summary>How many keys <see cref="SeenBefore"/> remembers before it starts over.</summary>
    public const int SeenKeysKept = 4_096;

    private readonly System.Threading.Lock _lock = new();
    private readonly Dictionary<(object Segment, string Word), LinkedListNode<Entry>> _entries = [];
    private readonly HashSet<(object Segment, string Word)> _seen = [];
    private readonly LinkedList<Entry> _recent = new();
    private long _bytes;

    /// <summary>Words with fewer postings than this in a segment are read from their lists.</summary>
    public long MinimumPostings => minimumPostings;

    /// <summary>Bytes held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>The merged postings kept for <paramref name="word"/> in a segment (its core cache key), or null.</summary>
    public T? Get<T>(object segment, string word)
        where T : CachedPostings
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue((segment, word), out var node))
            {
                return null;
            }

            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Postings as T;
        }
    }

    /// <summary>True when <paramref name="word"/> was asked about in the segment before (and remembered since); records
    /// it. For entries worth building only when used again, as Lucene's query cache waits for a query to recur.</summary>
    public bool SeenBefore(object segment, string word)
    {
        lock (_lock)
        {
            if (_seen.Contains((segment, word)))
            {
                return true;
            }

            if (_seen.Count >= SeenKeysKept)
            {
                _seen.Clear();
            }

            _seen.Add((segment, word));
            return false;
        }
    }

    /// <summary>Keeps merged postings, making room by dropping the least recently used.</summary>
    public void Add(object segment, string word, CachedPostings postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        if (postings.Bytes > budgetBytes)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.ContainsKey((segment, word)))
            {
                return;
            }

            while (_bytes + postings.Bytes > budgetBytes && _recent.Last is { } oldest)
            {
                _recent.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Postings.Bytes;
            }

            _entries[(segment, word)] = _recent.AddFirst(new Entry((segment, word), postings));
            _bytes += postings.Bytes;
        }
    }

    private sealed record Entry((object Segment, string Word) Key, CachedPostings Postings);
}

/// <summary>What <see cref="WordPostingsCache"/> keeps for one key and segment.</summary>
public abstract class CachedPostings
{
    /// <summary>Approximate memory held, with the cache's own bookkeeping for the entry.</summary>
    public abstract long Bytes { get; }
}

/// <summary>One word's documents in a segment (ascending, deleted ones included) with their weighted and raw term
/// frequencies; a phrase's match keeps the documents only (a phrase scores nothing, its words score).</summary>
public sealed class MergedPostings(int[] docs, float[] weighted, int[] raw) : CachedPostings
{
    /// <summary>Documents, ascending.</summary>
    public int[] Docs => docs;

    /// <summary>The BM25F frequency of each document (the weights times the fields' frequencies).</summary>
    public float[] Weighted => weighted;

    /// <summary>The fields' frequencies added without weights.</summary>
    public int[] Raw => raw;

    /// <inheritdoc />
    public override long Bytes => 256 + (sizeof(int) * (docs.LongLength + raw.LongLength)) + (sizeof(float) * weighted.LongLength);
}

/// <summary>A prefix's expansions in a segment, merged: the documents any of them is in (ascending, deleted ones
/// included) and, per document, which expansions it holds with their BM25F-weighted frequencies.</summary>
/// <param name="docs">Documents, ascending.</param>
/// <param name="starts">Where each document's entries begin in <paramref name="expansions"/> and <paramref name="weighted"/>
/// (one more than there are documents).</param>
/// <param name="expansions">The expansion (its index in the query) of each entry, ascending per document.</param>
/// <param name="weighted">The weighted frequency of each entry.</param>
public sealed class MergedExpansions(int[] docs, int[] starts, int[] expansions, float[] weighted) : CachedPostings
{
    /// <summary>Documents, ascending.</summary>
    public int[] Docs => docs;

    /// <summary>Where each document's entries begin; the last element ends the last document's.</summary>
    public int[] Starts => starts;

    /// <summary>The expansion of each entry.</summary>
    public int[] Expansions => expansions;

    /// <summary>The weighted frequency of each entry.</summary>
    public float[] Weighted => weighted;

    /// <inheritdoc />
    public override long Bytes => 256 + (sizeof(int) * (docs.LongLength + starts.LongLength + expansions.LongLength)) + (sizeof(float) * weighted.LongLength);
}
