namespace Kunskapsbank.Indexer.Metadata;

/// <summary>What one source (a sidecar, or the file's own properties) says about a document, before precedence is applied.</summary>
/// <param name="source">Which source this is.</param>
/// <param name="origin">How report lines name the source, e.g. "sidofilen Rutin.pdf.meta.yml".</param>
internal sealed class MetadataClaims(TagSource source, string origin)
{
    public TagSource Source { get; } = source;

    public string Origin { get; } = origin;

    public string? Title { get; set; }

    public string? Publisher { get; set; }

    public int? Year { get; set; }

    public string? DocumentType { get; set; }

    public DocumentStatus? Status { get; set; }

    public string? SupersededBy { get; set; }

    public string? Supersedes { get; set; }

    /// <summary>Facet value ids by facet id (vocabulary facets other than dokumenttyp), in the order written.</summary>
    public Dictionary<string, List<string>> Facets { get; } = [];

    /// <summary>Swedish report lines about values that could not be used.</summary>
    public List<string> Problems { get; } = [];

    public void AddFacetValue(string facetId, string valueId)
    {
        if (!Facets.TryGetValue(facetId, out var values))
        {
            Facets[facetId] = values = [];
        }

        if (!values.Contains(valueId))
        {
            values.Add(valueId);
        }
    }
}
