namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Finds a facet value by what an editor wrote: its id or its label, in any case, with å/ä/ö or a/a/o.</summary>
/// <remarks>Built once per taxonomy: comparing slugs of every label per lookup cost more than the rest of resolving.</remarks>
internal sealed class FacetValueNames
{
    private readonly Dictionary<string, Dictionary<string, FacetValue>> _byFacet = new(StringComparer.Ordinal);

    public FacetValueNames(Taxonomy taxonomy)
    {
        foreach (var facet in taxonomy.Facets)
        {
            var names = new Dictionary<string, FacetValue>(StringComparer.Ordinal);
            foreach (var value in facet.Values)
            {
                names.TryAdd(value.Id, value);
            }

            // Ids win over labels when a label's slug happens to equal another value's id.
            foreach (var value in facet.Values)
            {
                names.TryAdd(Slug.From(value.Label), value);
            }

            _byFacet[facet.Id] = names;
        }
    }

    /// <summary>The value of <paramref name="facet"/> that <paramref name="text"/> names, or null.</summary>
    public FacetValue? Find(FacetDefinition facet, string text)
    {
        var slug = Slug.From(text);
        return slug.Length > 0 && _byFacet.TryGetValue(facet.Id, out var names) && names.TryGetValue(slug, out var value)
            ? value
            : null;
    }
}
