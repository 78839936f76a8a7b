namespace Kunskapsbank.Indexer.Metadata;

/// <summary>The facet ids the search filters on; the first four come from the taxonomy file, the rest from metadata.</summary>
public static class FacetIds
{
    /// <summary>Målgrupp (target group).</summary>
    public const string Malgrupp = "malgrupp";

    /// <summary>Ämne (topic).</summary>
    public const string Amne = "amne";

    /// <summary>Yrkesgrupp (profession).</summary>
    public const string Yrkesgrupp = "yrkesgrupp";

    /// <summary>Dokumenttyp; one value per document.</summary>
    public const string Dokumenttyp = "dokumenttyp";

    /// <summary>År, open: the value is the year itself.</summary>
    public const string Ar = "ar";

    /// <summary>Utgivare, open: the value is the slug of the publisher's name, the label the name.</summary>
    public const string Utgivare = "utgivare";

    /// <summary>Status: gallande, ersatt or upphavd.</summary>
    public const string Status = "status";

    /// <summary>Facets that must be in the taxonomy file.</summary>
    public static IReadOnlyList<string> Required { get; } = [Malgrupp, Amne, Yrkesgrupp];

    /// <summary>Facets derived from metadata; the taxonomy file may not define them.</summary>
    public static IReadOnlyList<string> Derived { get; } = [Ar, Utgivare, Status];
}
