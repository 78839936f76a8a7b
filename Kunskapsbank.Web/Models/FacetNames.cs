namespace Kunskapsbank.Web.Models;

/// <summary>The facets the UI offers, in the order it shows them, with their Swedish group names.</summary>
public static class FacetNames
{
    /// <summary>Facet id (URL parameter and engine id) and heading.</summary>
    public sealed record FacetName(string Id, string Label);

    /// <summary>målgrupp, ämne, yrkesgrupp, dokumenttyp, år.</summary>
    public static IReadOnlyList<FacetName> Ordered { get; } =
    [
        new("malgrupp", "Målgrupp"),
        new("amne", "Ämne"),
        new("yrkesgrupp", "Yrkesgrupp"),
        new("dokumenttyp", "Dokumenttyp"),
        new("ar", "År"),
    ];

    /// <summary>The heading of a facet id (the id itself when unknown).</summary>
    public static string LabelOf(string facetId) =>
        Ordered.FirstOrDefault(f => f.Id == facetId)?.Label ?? facetId;
}
