namespace Kunskapsbank.Indexer.Metadata;

/// <summary>The controlled vocabularies editors maintain in the corpus folder.</summary>
public sealed record Taxonomy(IReadOnlyList<FacetDefinition> Facets)
{
    /// <summary>The facet with this id, or null.</summary>
    public FacetDefinition? Find(string facetId) => Facets.FirstOrDefault(f => f.Id == facetId);
}

/// <summary>One facet (e.g. `amne`) and its allowed values.</summary>
/// <param name="Id">Stable ASCII slug, also the API parameter name.</param>
/// <param name="Label">Swedish label shown to users.</param>
/// <param name="Values">Allowed values; empty for open facets such as år and utgivare.</param>
public sealed record FacetDefinition(string Id, string Label, IReadOnlyList<FacetValue> Values)
{
    /// <summary>The value with this id, or null.</summary>
    public FacetValue? Find(string valueId) => Values.FirstOrDefault(v => v.Id == valueId);
}

/// <summary>One value of a facet, with the trigger words auto-tagging matches on analysed tokens.</summary>
public sealed record FacetValue(string Id, string Label, IReadOnlyList<string> Triggers);
