using System.Collections.Concurrent;

namespace Kunskapsbank.Indexer.Facets;

/// <summary>Global ordinals for facets and their values, shared by every segment of one index; ordinals never move.</summary>
/// <remarks>Each segment's own ordinals are mapped onto these once, when the segment is first seen, so counting over all
/// hits adds into one array whatever segment a hit is in. Append-only and thread-safe: a value of a deleted document
/// keeps its ordinal (its count is simply 0).</remarks>
public sealed class FacetOrdinals
{
    /// <summary>Most facets the counting bit masks hold.</summary>
    public const int MaxFacets = 63;

    private readonly System.Threading.Lock _lock = new();
    private readonly ConcurrentDictionary<(string Facet, string Value), int> _ordinals = new();
    private readonly ConcurrentDictionary<string, int> _facetIndex = new(StringComparer.Ordinal);
    private volatile Entry[] _entries = new Entry[64];
    private volatile int[] _facetOf = new int[64];
    private volatile int _count;
    private volatile string[] _facets = [];

    /// <summary>One facet value: its facet's index, its id and the label documents gave it.</summary>
    public sealed record Entry(int Facet, string Value, string? Label);

    /// <summary>The facets seen so far, in first-seen order (indexes of <see cref="Entry.Facet"/>).</summary>
    public IReadOnlyList<string> Facets => _facets;

    /// <summary>Every value so far, by ordinal.</summary>
    public IReadOnlyList<Entry> Entries
    {
        get
        {
            var count = _count;
            return new ArraySegment<Entry>(_entries, 0, count);
        }
    }

    /// <summary>The facet index of every value so far, by ordinal (<see cref="Entry.Facet"/> as a flat array: counting
    /// looks one up per value of a document, and through <see cref="Entries"/> that was an interface call and an object).</summary>
    public ReadOnlyMemory<int> FacetOfOrdinals
    {
        get
        {
            var count = _count;
            return new ReadOnlyMemory<int>(_facetOf, 0, count);
        }
    }

    /// <summary>The index of a facet, or -1.</summary>
    public int FacetIndex(string facet) => _facetIndex.TryGetValue(facet, out var index) ? index : -1;

    /// <summary>The ordinal of a value, or -1 when no document or taxonomy entry gave it one.</summary>
    public int OrdinalOf(string facet, string value) => _ordinals.TryGetValue((facet, value), out var ordinal) ? ordinal : -1;

    /// <summary>The ordinal of a value, adding it when new; returns -1 when there are too many facets to count.</summary>
    public int GetOrAdd(string facet, string value, string? label = null)
    {
        if (_ordinals.TryGetValue((facet, value), out var known))
        {
            if (label is not null && _entries[known].Label is null)
            {
                SetLabel(known, label);
            }

            return known;
        }

        lock (_lock)
        {
            if (_ordinals.TryGetValue((facet, value), out known))
            {
                return known;
            }

            if (!_facetIndex.TryGetValue(facet, out var f))
            {
                if (_facets.Length >= MaxFacets)
                {
                    return -1;
                }

                f = _facets.Length;
                _facets = [.. _facets, facet];
                _facetIndex[facet] = f;
            }

            var ordinal = _count;
            if (ordinal == _entries.Length)
            {
                var grown = new Entry[ordinal * 2];
                Array.Copy(_entries, grown, ordinal);
                _entries = grown;
                var grownFacets = new int[ordinal * 2];
                Array.Copy(_facetOf, grownFacets, ordinal);
                _facetOf = grownFacets;
            }

            _entries[ordinal] = new Entry(f, value, label);
            _facetOf[ordinal] = f;
            _count = ordinal + 1;
            _ordinals[(facet, value)] = ordinal;
            return ordinal;
        }
    }

    /// <summary>Makes sure a facet has an index even before a value of it is seen (fixed and taxonomy facets).</summary>
    public void AddFacet(string facet)
    {
        lock (_lock)
        {
            if (!_facetIndex.ContainsKey(facet) && _facets.Length < MaxFacets)
            {
                _facetIndex[facet] = _facets.Length;
                _facets = [.. _facets, facet];
            }
        }
    }

    private void SetLabel(int ordinal, string label)
    {
        lock (_lock)
        {
            if (_entries[ordinal].Label is null)
            {
                _entries[ordinal] = _entries[ordinal] with { Label = label };
            }
        }
    }
}
