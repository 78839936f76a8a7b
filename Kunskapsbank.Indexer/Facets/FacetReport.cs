using System.Globalization;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Facets;

/// <summary>Which values a result page reports per facet and in what order, worked out once per taxonomy and set of known
/// values; <see cref="Report"/> only reads the counts.</summary>
/// <remarks>Worked out per request, the order meant a pass over every known value for each facet, a dictionary of the
/// taxonomy's positions per facet and a sort: a tenth of a facet search on the benchmark corpus. The order depends only
/// on the taxonomy and the values (the publisher facet's, by count, is the one sort left per request). Labels a segment
/// gives later (<see cref="FacetOrdinals.Entry.Label"/>) are read when reporting.</remarks>
public sealed class FacetReport
{
    private static readonly StringComparer SwedishOrder = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false);

    private readonly FacetOrdinals _ordinals;
    private readonly ReportedFacet[] _facets;

    private FacetReport(FacetOrdinals ordinals, Taxonomy taxonomy, int valueCount, int facetCount, ReportedFacet[] facets)
    {
        _ordinals = ordinals;
        Taxonomy = taxonomy;
        ValueCount = valueCount;
        FacetCount = facetCount;
        _facets = facets;
    }

    /// <summary>The taxonomy whose labels and order this report follows.</summary>
    public Taxonomy Taxonomy { get; }

    /// <summary>How many values (ordinals) were known when the report was worked out.</summary>
    public int ValueCount { get; }

    /// <summary>How many facets were known when the report was worked out.</summary>
    public int FacetCount { get; }

    /// <summary>True while this report still covers every known value and facet under <paramref name="taxonomy"/>.</summary>
    public bool Covers(Taxonomy taxonomy) =>
        ReferenceEquals(taxonomy, Taxonomy) && ValueCount == _ordinals.Entries.Count && FacetCount == _ordinals.Facets.Count;

    /// <summary>Works out the order of <paramref name="facets"/> (display order) over the values known now.</summary>
    public static FacetReport Build(FacetOrdinals ordinals, IReadOnlyList<string> facets, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(ordinals);
        ArgumentNullException.ThrowIfNull(facets);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var facetCount = ordinals.Facets.Count;
        var entries = ordinals.Entries;
        var reported = new ReportedFacet[facets.Count];
        for (var i = 0; i < facets.Count; i++)
        {
            var facet = facets[i];
            var f = ordinals.FacetIndex(facet);
            var taxonomyFacet = taxonomy.Find(facet);
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var p = 0; taxonomyFacet is not null && p < taxonomyFacet.Values.Count; p++)
            {
                positions.TryAdd(taxonomyFacet.Values[p].Id, p);
            }

            var values = new List<(int Order, ReportedValue Value)>();
            for (var ordinal = 0; ordinal < entries.Count && f >= 0; ordinal++)
            {
                var entry = entries[ordinal];
                if (entry.Facet != f)
                {
                    continue;
                }

                var position = positions.GetValueOrDefault(entry.Value, -1);
                var label = position >= 0 ? taxonomyFacet!.Values[position].Label
                    : facet == FacetIds.Status ? StatusIds.LabelOf(entry.Value)
                    : null;
                var order = position >= 0 ? position : facet == FacetIds.Status ? StatusOrder(entry.Value) : 100_000 + ordinal;
                values.Add((order, new ReportedValue(ordinal, label)));
            }

            // The publishers are ordered by count when reporting, from the values' own order.
            IEnumerable<(int Order, ReportedValue Value)> ordered = facet switch
            {
                FacetIds.Ar => values.OrderByDescending(v => entries[v.Value.Ordinal].Value, StringComparer.Ordinal),
                FacetIds.Utgivare => values,
                _ => values.OrderBy(v => v.Order),
            };
            reported[i] = new ReportedFacet(facet, [.. ordered.Select(v => v.Value)], facet == FacetIds.Utgivare);
        }

        return new FacetReport(ordinals, taxonomy, entries.Count, facetCount, reported);
    }

    /// <summary>The counts per facet for the response: values with hits or selected, ordered as editors expect.</summary>
    public Dictionary<string, IReadOnlyList<FacetCount>> Report(FacetCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var counts = counter.Counts;
        var entries = _ordinals.Entries;
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(_facets.Length);
        foreach (var facet in _facets)
        {
            var list = new List<FacetCount>();
            foreach (var value in facet.Values)
            {
                var ordinal = value.Ordinal;
                if (ordinal >= counts.Length || (counts[ordinal] == 0 && !counter.IsSelected(ordinal)))
                {
                    continue;
                }

                var entry = entries[ordinal];
                list.Add(new FacetCount(entry.Value, value.Label ?? entry.Label ?? entry.Value, counts[ordinal], counter.IsSelected(ordinal)));
            }

            if (facet.ByCount)
            {
                // Stable, as the order it replaces: equal counts and labels keep the values' own order.
                result[facet.Id] = list.OrderByDescending(v => v.Count).ThenBy(v => v.Label, SwedishOrder).ToList();
            }
            else
            {
                result[facet.Id] = list;
            }
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

    // One facet's values in display order; a null label is read from the entry when reporting.
    private sealed record ReportedFacet(string Id, ReportedValue[] Values, bool ByCount);

    private readonly record struct ReportedValue(int Ordinal, string? Label);
}
