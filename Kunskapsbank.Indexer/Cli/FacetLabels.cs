using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>The names a person reads for facet and value ids ("Ämne", "Gällande"), from the index's taxonomy.</summary>
internal sealed class FacetLabels(IReadOnlyList<FacetSummary> facets)
{
    private readonly Dictionary<string, FacetSummary> _facets = facets.ToDictionary(f => f.Id, StringComparer.Ordinal);

    /// <summary>The labels of the taxonomy the index was built with.</summary>
    public static FacetLabels Of(ISearchEngine engine) => new(engine.GetFacets());

    /// <summary>"Ämne" for `amne`.</summary>
    public string Facet(string facetId) => _facets.TryGetValue(facetId, out var facet) ? facet.Label : FacetCatalog.DefaultLabel(facetId);

    /// <summary>The label of a value ("Gällande" for status `gallande`); the id itself when the taxonomy has no label.</summary>
    public string Value(string facetId, string valueId) => facetId == FacetIds.Status
        ? StatusIds.LabelOf(valueId)
        : _facets.TryGetValue(facetId, out var facet) ? facet.Values.FirstOrDefault(v => v.Id == valueId)?.Label ?? valueId : valueId;

    /// <summary>The label of a document type, or null.</summary>
    public string? DocumentType(string? typeId) => typeId is null ? null : Value(FacetIds.Dokumenttyp, typeId);
}
