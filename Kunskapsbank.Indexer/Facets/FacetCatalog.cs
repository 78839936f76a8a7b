using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Facets;

/// <summary>The facets the search offers, in display order, with default labels and accepted aliases.</summary>
public static class FacetCatalog
{
    /// <summary>All facets in display order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [FacetIds.Malgrupp, FacetIds.Amne, FacetIds.Yrkesgrupp, FacetIds.Dokumenttyp, FacetIds.Ar, FacetIds.Utgivare, FacetIds.Status];

    /// <summary>Swedish labels for the facets the taxonomy may not define.</summary>
    public static string DefaultLabel(string facetId) => facetId switch
    {
        FacetIds.Malgrupp => "Målgrupp",
        FacetIds.Amne => "Ämne",
        FacetIds.Yrkesgrupp => "Yrkesgrupp",
        FacetIds.Dokumenttyp => "Dokumenttyp",
        FacetIds.Ar => "År",
        FacetIds.Utgivare => "Utgivare",
        FacetIds.Status => "Status",
        _ => facetId,
    };

    /// <summary>The facet id for a name typed in a query (`amne:`, also `year:` and `publisher:` as in the benchmark).</summary>
    public static string? Normalize(string name) => name.ToLowerInvariant() switch
    {
        "year" or "ar" or "år" => FacetIds.Ar,
        "publisher" or "utgivare" => FacetIds.Utgivare,
        "type" or "dokumenttyp" => FacetIds.Dokumenttyp,
        var other when All.Contains(other) => other,
        _ => null,
    };
}

/// <summary>Status ids and labels.</summary>
public static class StatusIds
{
    /// <summary>The stable id of a status.</summary>
    public static string For(DocumentStatus status) => status switch
    {
        DocumentStatus.Superseded => "ersatt",
        DocumentStatus.Repealed => "upphavd",
        _ => "gallande",
    };

    /// <summary>The Swedish label of a status.</summary>
    public static string Label(DocumentStatus status) => status switch
    {
        DocumentStatus.Superseded => "Ersatt",
        DocumentStatus.Repealed => "Upphävd",
        _ => "Gällande",
    };

    /// <summary>The Swedish label of a status id.</summary>
    public static string LabelOf(string id) => id switch
    {
        "ersatt" => "Ersatt",
        "upphavd" => "Upphävd",
        _ => "Gällande",
    };
}
