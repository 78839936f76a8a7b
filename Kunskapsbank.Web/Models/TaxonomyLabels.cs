using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Web.Models;

/// <summary>The Swedish names of facets and their values ("amne" → "Ämne", "hedersrelaterat-vald" → "Hedersrelaterat våld").</summary>
/// <remarks>Read from the engine's taxonomy; an id the taxonomy does not know is shown as it is.</remarks>
public sealed class TaxonomyLabels
{
    private readonly Dictionary<string, FacetSummary> _facets;

    /// <summary>Labels from the engine's facet overview.</summary>
    public TaxonomyLabels(IReadOnlyList<FacetSummary> facets)
    {
        ArgumentNullException.ThrowIfNull(facets);
        _facets = facets.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The heading of a facet.</summary>
    public string Facet(string facetId) =>
        _facets.TryGetValue(facetId, out var summary) ? summary.Label : FacetNames.LabelOf(facetId);

    /// <summary>The name of a facet value.</summary>
    public string Value(string facetId, string valueId) =>
        _facets.TryGetValue(facetId, out var summary)
            ? summary.Values.FirstOrDefault(v => v.Id == valueId)?.Label ?? valueId
            : valueId;
}
