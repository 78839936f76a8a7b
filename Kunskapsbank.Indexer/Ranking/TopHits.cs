namespace Kunskapsbank.Indexer.Ranking;

/// <summary>A matching document as the ranking sees it.</summary>
/// <param name="Doc">Global Lucene doc number (valid for the searcher that found it).</param>
/// <param name="Score">BM25 times the status factor.</param>
public readonly record struct RankedHit(int Doc, long Id, float Score, int Year);

/// <summary>Keeps the best <c>k</c> hits of a stream in a bounded heap: by score, or by year (a real sort on the year's
/// doc values, score breaking ties). Equal keys go to the lower document id, so results are stable between runs.</summary>
public sealed class TopHits
{
    private readonly int _capacity;
    private readonly bool _newestFirst;
    private readonly IComparer<RankedHit> _order;
    private readonly PriorityQueue<RankedHit, RankedHit> _heap;

    /// <summary>A heap for <paramref name="capacity"/> hits in the given order.</summary>
    public TopHits(int capacity, bool newestFirst)
    {
        _capacity = Math.Max(0, capacity);
        _newestFirst = newestFirst;
        _order = newestFirst ? NewestFirst.Instance : BestFirst.Instance;

        // The heap's root is the worst kept hit: reverse the "better first" order.
        _heap = new PriorityQueue<RankedHit, RankedHit>(_capacity + 1, Comparer<RankedHit>.Create((a, b) => _order.Compare(b, a)));
    }

    /// <summary>False when a hit with this score cannot be kept, so the collector need not read its id and year.</summary>
    /// <remarks>Most matches of a common word score below the tenth best; reading their doc values was a tenth of the
    /// match time.</remarks>
    public bool Competes(float score)
    {
        if (_heap.Count < _capacity || _newestFirst)
        {
            return _capacity > 0;
        }

        // Equal scores are decided by id, so they compete.
        return _heap.TryPeek(out var worst, out _) && score >= worst.Score;
    }

    /// <summary>Offers a hit; it is kept when it is among the best so far.</summary>
    public void Offer(RankedHit hit)
    {
        if (_capacity == 0)
        {
            return;
        }

        if (_heap.Count < _capacity)
        {
            _heap.Enqueue(hit, hit);
        }
        else if (_heap.TryPeek(out var worst, out _) && _order.Compare(hit, worst) < 0)
        {
            _heap.EnqueueDequeue(hit, hit);
        }
    }

    /// <summary>The kept hits, best first.</summary>
    public List<RankedHit> ToSortedList()
    {
        var list = _heap.UnorderedItems.Select(x => x.Element).ToList();
        list.Sort(_order);
        return list;
    }

    private sealed class BestFirst : IComparer<RankedHit>
    {
        public static BestFirst Instance { get; } = new();

        public int Compare(RankedHit a, RankedHit b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id);
    }

    private sealed class NewestFirst : IComparer<RankedHit>
    {
        public static NewestFirst Instance { get; } = new();

        public int Compare(RankedHit a, RankedHit b) => a.Year != b.Year ? b.Year.CompareTo(a.Year) : BestFirst.Instance.Compare(a, b);
    }
}
