namespace Kunskapsbank.Stress.Load;

/// <summary>The kinds of request the load generator mixes.</summary>
public enum RequestKind
{
    /// <summary>GET /api/search with a benchmark query (and its facet filters).</summary>
    Search,

    /// <summary>GET /api/suggest with a prefix of a query word.</summary>
    Suggest,

    /// <summary>GET /api/documents/{id} for an id seen in search results.</summary>
    Document,

    /// <summary>GET /api/documents/{id}/file for an id seen in search results.</summary>
    File,
}
