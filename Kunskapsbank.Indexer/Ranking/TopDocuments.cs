namespace Kunskapsbank.Indexer.Ranking;

/// <summary>Keeps the best <c>k</c> (document, score) pairs of a stream in a bounded heap.</summary>
public sealed class TopDocuments(int capacity)
{
    private readonly PriorityQueue<(long Id, double Score), (double Score, long Id)> _heap = new(Math.Max(1, capacity) + 1);

    /// <summary>Offers a document; it is kept when it is among the best so far.</summary>
    public void Offer(long id, double score)
    {
        if (capacity <= 0)
        {
            return;
        }

        // Ties go to the lower id so results are stable between runs.
        var key = (score, -id);
        if (_heap.Count < capacity)
        {
            _heap.Enqueue((id, score), key);
        }
        else if (_heap.TryPeek(out _, out var worst) && Compare(key, worst) > 0)
        {
            _heap.EnqueueDequeue((id, score), key);
        }
    }

    /// <summary>The kept documents, best first.</summary>
    public List<(long Id, double Score)> ToSortedList()
    {
        var list = _heap.UnorderedItems.Select(x => x.Element).ToList();
        list.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        return list;
    }

    private static int Compare((double Score, long Id) a, (double Score, long Id) b) =>
        a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.Id.CompareTo(b.Id);
}
