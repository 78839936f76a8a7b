using System.Globalization;
using System.Numerics;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Facets;

/// <summary>
/// Counts facet values over matching documents the way Solr's tag/exclude does: a document passing every selected
/// facet counts for all facets; a document failing exactly one selected facet still counts for that facet (its own
/// selection is ignored), so the user sees what widening that facet would add; failing two counts nowhere. Values of
/// one facet are OR-ed, facets AND-ed.
/// </summary>
public sealed class FacetCounter
{
    private readonly FacetOrdinals _ordinals;
    private readonly IReadOnlyList<FacetOrdinals.Entry> _entries;
    private readonly ReadOnlyMemory<int> _facetOf;
    private readonly bool[] _selected;
    private readonly long _requiredMask;

    /// <summary>A counter for the values known now; <paramref name="selected"/> holds value ordinals by facet id (-1 never matches).</summary>
    public FacetCounter(FacetOrdinals ordinals, IReadOnlyDictionary<string, IReadOnlyList<int>> selected)
    {
        ArgumentNullException.ThrowIfNull(ordinals);
        ArgumentNullException.ThrowIfNull(selected);
        _ordinals = ordinals;
        _entries = ordinals.Entries;
        Counts = new int[_entries.Count];
        _selected = new bool[_entries.Count];
        _facetOf = ordinals.FacetOfOrdinals[.._entries.Count];
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
        var facetOf = _facetOf.Span;
        var satisfied = 0L;
        if (_requiredMask != 0)
        {
            foreach (var ordinal in values)
            {
                if (ordinal < _selected.Length && _selected[ordinal])
                {
                    satisfied |= 1L << facetOf[ordinal];
                }
            }
        }

        var missing = _requiredMask & ~satisfied;
        if (!countFacets)
        {
            return missing == 0;
        }

        if (missing == 0)
        {
            foreach (var ordinal in values)
            {
                if (ordinal < Counts.Length)
                {
                    Counts[ordinal]++;
                }
            }

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

    /// <summary>The counts per facet for the response: values with hits or selected, ordered as editors expect.</summary>
    /// <param name="facets">The facets to report, in display order.</param>
    public Dictionary<string, IReadOnlyList<FacetCount>> ToFacetCounts(IReadOnlyList<string> facets, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(facets);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>();
        foreach (var facet in facets)
        {
            var f = _ordinals.FacetIndex(facet);
            var values = new List<(int Order, FacetCount Count)>();
            var taxonomyFacet = taxonomy.Find(facet);
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; taxonomyFacet is not null && i < taxonomyFacet.Values.Count; i++)
            {
                positions.TryAdd(taxonomyFacet.Values[i].Id, i);
            }

            for (var ordinal = 0; ordinal < Counts.Length && f >= 0; ordinal++)
            {
                var entry = _entries[ordinal];
                if (entry.Facet != f || (Counts[ordinal] == 0 && !_selected[ordinal]))
                {
                    continue;
                }

                var position = positions.GetValueOrDefault(entry.Value, -1);
                var label = position >= 0 ? taxonomyFacet!.Values[position].Label
                    : facet == FacetIds.Status ? StatusIds.LabelOf(entry.Value)
                    : entry.Label ?? entry.Value;
                var order = position >= 0 ? position : facet == FacetIds.Status ? StatusOrder(entry.Value) : 100_000 + ordinal;
                values.Add((order, new FacetCount(entry.Value, label, Counts[ordinal], _selected[ordinal])));
            }

            IEnumerable<(int Order, FacetCount Count)> ordered = facet switch
            {
                FacetIds.Ar => values.OrderByDescending(v => v.Count.Id, StringComparer.Ordinal),
                FacetIds.Utgivare => values.OrderByDescending(v => v.Count.Count).ThenBy(v => v.Count.Label, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false)),
                _ => values.OrderBy(v => v.Order),
            };
            result[facet] = ordered.Select(v => v.Count).ToList();
        }

        return result;
    }

    private static int StatusOrder(string value) => value switch
    {
        "gallande" => 0,
        "ersatt" => 1,
        "upphavd" => 2,
        _ => 3,
    };
}
