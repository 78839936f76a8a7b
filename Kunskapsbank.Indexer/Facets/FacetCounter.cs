using System.Numerics;

namespace Kunskapsbank.Indexer.Facets;

/// <summary>
/// Counts facet values over matching documents the way Solr's tag/exclude does: a document passing every selected
/// facet counts for all facets; a document failing exactly one selected facet still counts for that facet (its own
/// selection is ignored), so the user sees what widening that facet would add; failing two counts nowhere. Values of
/// one facet are OR-ed, facets AND-ed.
/// </summary>
public sealed class FacetCounter
{
    private readonly ReadOnlyMemory<int> _facetOf;
    private readonly bool[] _selected;
    private readonly long _requiredMask;

    /// <summary>A counter for the values known now; <paramref name="selected"/> holds value ordinals by facet id (-1 never matches).</summary>
    public FacetCounter(FacetOrdinals ordinals, IReadOnlyDictionary<string, IReadOnlyList<int>> selected)
    {
        ArgumentNullException.ThrowIfNull(ordinals);
        ArgumentNullException.ThrowIfNull(selected);
        var known = ordinals.Entries.Count;
        Counts = new int[known];
        _selected = new bool[known];
        _facetOf = ordinals.FacetOfOrdinals[..known];
        foreach (var (facet, values) in selected)
        {
            var f = ordinals.FacetIndex(facet);
            if (f < 0 || values.Count == 0)
            {
                continue;
            }

            _requiredMask |= 1L << f;
            foreach (var ordinal in values)
            {
                if (ordinal >= 0 && ordinal < _selected.Length)
                {
                    _selected[ordinal] = true;
                }
            }
        }
    }

    /// <summary>True when some facet has a selection (a document can fail it).</summary>
    public bool Filters => _requiredMask != 0;

    /// <summary>Counts by value ordinal.</summary>
    public int[] Counts { get; }

    /// <summary>Counts one matching document; returns true when it passes all selected facets (is a result).</summary>
    public bool Add(ReadOnlySpan<int> values, bool countFacets)
    {
        if (_requiredMask == 0)
        {
            // Nothing selected, the common case: every value counts (a tight loop; a facet search calls this per hit).
            if (countFacets)
            {
                CountAll(values);
            }

            return true;
        }

        var facetOf = _facetOf.Span;
        var satisfied = 0L;
        foreach (var ordinal in values)
        {
            if (ordinal < _selected.Length && _selected[ordinal])
            {
                satisfied |= 1L << facetOf[ordinal];
            }
        }

        var missing = _requiredMask & ~satisfied;
        if (!countFacets)
        {
            return missing == 0;
        }

        if (missing == 0)
        {
            CountAll(values);
            return true;
        }

        if (BitOperations.PopCount((ulong)missing) == 1)
        {
            var facet = BitOperations.TrailingZeroCount(missing);
            foreach (var ordinal in values)
            {
                if (ordinal < facetOf.Length && facetOf[ordinal] == facet)
                {
                    Counts[ordinal]++;
                }
            }
        }

        return false;
    }

    private void CountAll(ReadOnlySpan<int> values)
    {
        var counts = Counts;
        foreach (var ordinal in values)
        {
            if ((uint)ordinal < (uint)counts.Length)
            {
                counts[ordinal]++;
            }
        }
    }

    /// <summary>True when the request selected the value with this ordinal.</summary>
    public bool IsSelected(int ordinal) => ordinal < _selected.Length && _selected[ordinal];
}
