using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Ranking;

/// <summary>Steps a union of iterators (postings lists, scorers): the smallest document any of them stands on.</summary>
internal static class UnionWalk
{
    /// <summary>Moves the iterators standing on <paramref name="current"/> (or before it) one step and returns the next
    /// document of the union. One step, not <c>Advance</c>, which would consult skip data.</summary>
    public static int NextDoc(DocIdSetIterator[] iterators, int current)
    {
        if (current == DocIdSetIterator.NO_MORE_DOCS)
        {
            return DocIdSetIterator.NO_MORE_DOCS;
        }

        var next = DocIdSetIterator.NO_MORE_DOCS;
        foreach (var iterator in iterators)
        {
            var at = iterator.DocID;
            if (at <= current)
            {
                at = iterator.NextDoc();
            }

            if (at < next)
            {
                next = at;
            }
        }

        return next;
    }

    /// <summary>Advances the iterators behind <paramref name="target"/> and returns the union's first document at or after it.</summary>
    public static int Advance(DocIdSetIterator[] iterators, int target)
    {
        var next = DocIdSetIterator.NO_MORE_DOCS;
        foreach (var iterator in iterators)
        {
            var at = iterator.DocID;
            if (at < target)
            {
                at = iterator.Advance(target);
            }

            if (at < next)
            {
                next = at;
            }
        }

        return next;
    }
}
