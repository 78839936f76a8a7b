using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Ranking;

/// <summary>A union of many iterators kept as a min-heap by current document, as Lucene's disjunction scorers keep
/// theirs: a step costs the logarithm of the number of iterators, not the number.</summary>
/// <remarks>A prefix stands for up to 64 words; walking them with a linear minimum (<see cref="UnionWalk"/>, right for
/// a word's nine lists) made a prefix's first search slower than Lucene's own disjunction.</remarks>
internal sealed class ScorerHeap
{
    private readonly DocIdSetIterator[] _iterators;
    private readonly int[] _heap;
    private int _size;

    /// <summary>A union of <paramref name="iterators"/>, all positioned before their first document.</summary>
    public ScorerHeap(DocIdSetIterator[] iterators)
    {
        _iterators = iterators;
        _heap = [.. Enumerable.Range(0, iterators.Length)];
        _size = iterators.Length;
    }

    /// <summary>Moves the iterators standing on <paramref name="current"/> (or before it) one step; the union's next document.</summary>
    public int NextDoc(int current)
    {
        while (_size > 0)
        {
            var top = _iterators[_heap[0]];
            if (top.DocID > current)
            {
                break;
            }

            Step(top.NextDoc());
        }

        return Top();
    }

    /// <summary>Advances the iterators behind <paramref name="target"/>; the union's first document at or after it.</summary>
    public int Advance(int target)
    {
        while (_size > 0)
        {
            var top = _iterators[_heap[0]];
            if (top.DocID >= target)
            {
                break;
            }

            Step(top.Advance(target));
        }

        return Top();
    }

    /// <summary>The indexes of the iterators standing on <paramref name="doc"/>, ascending, into <paramref name="into"/> (cleared first).</summary>
    public void Matching(int doc, List<int> into)
    {
        into.Clear();
        Collect(0, doc, into);
        into.Sort();
    }

    private void Collect(int slot, int doc, List<int> into)
    {
        // Below a slot whose iterator is past doc nothing can stand on it (the heap's order).
        if (slot >= _size || _iterators[_heap[slot]].DocID != doc)
        {
            return;
        }

        into.Add(_heap[slot]);
        Collect((2 * slot) + 1, doc, into);
        Collect((2 * slot) + 2, doc, into);
    }

    private int Top() => _size == 0 ? DocIdSetIterator.NO_MORE_DOCS : _iterators[_heap[0]].DocID;

    // After the top moved to doc: drop it when exhausted, then restore the heap's order from the root.
    private void Step(int doc)
    {
        if (doc == DocIdSetIterator.NO_MORE_DOCS)
        {
            _heap[0] = _heap[--_size];
        }

        var slot = 0;
        while (true)
        {
            var left = (2 * slot) + 1;
            if (left >= _size)
            {
                return;
            }

            var right = left + 1;
            var smaller = right < _size && _iterators[_heap[right]].DocID < _iterators[_heap[left]].DocID ? right : left;
            if (_iterators[_heap[smaller]].DocID >= _iterators[_heap[slot]].DocID)
            {
                return;
            }

            (_heap[slot], _heap[smaller]) = (_heap[smaller], _heap[slot]);
            slot = smaller;
        }
    }
}
