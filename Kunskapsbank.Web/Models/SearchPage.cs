using System.Globalization;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Web.Models;

/// <summary>Which page renders the results: the full search page or the compact support-line mode.</summary>
public enum SearchMode
{
    /// <summary>`/`: facets, several passages per hit.</summary>
    Search,

    /// <summary>`/stodtelefon`: narrow, keyboard-driven, the answering paragraph first.</summary>
    SupportLine,
}

/// <summary>Everything the search views show: the query, the engine's answer (or the Swedish reason there is none).</summary>
public sealed class SearchPage
{
    /// <summary>Creates the page model; <paramref name="response"/> is null when nothing was searched or the input was rejected.</summary>
    public SearchPage(SearchMode mode, SearchQuery query, SearchResponse? response, string? inputError, int pageSize)
    {
        Mode = mode;
        Query = query;
        Response = response;
        InputError = inputError;
        PageSize = pageSize;
        FacetGroups = response is null ? [] : BuildFacetGroups(response);
        ActiveFilters = BuildChips();
    }

    /// <summary>Search page or support line.</summary>
    public SearchMode Mode { get; }

    /// <summary>The query as read from the URL.</summary>
    public SearchQuery Query { get; }

    /// <summary>The engine's answer, or null.</summary>
    public SearchResponse? Response { get; }

    /// <summary>A Swedish message when the engine rejected the input (unknown facet value and the like).</summary>
    public string? InputError { get; }

    /// <summary>Hits per page.</summary>
    public int PageSize { get; }

    /// <summary>The page's own path (`/` or `/stodtelefon`), used for every link that keeps the search.</summary>
    public string BasePath => Mode == SearchMode.SupportLine ? "/stodtelefon" : "/";

    /// <summary>Facet groups in display order, only those with values.</summary>
    public IReadOnlyList<FacetGroup> FacetGroups { get; }

    /// <summary>The selected filters as removable chips.</summary>
    public IReadOnlyList<FilterChip> ActiveFilters { get; }

    /// <summary>Number of result pages.</summary>
    public int PageCount => Response is null ? 0 : PageCountOf(Response.Total, PageSize);

    /// <summary>True when the URL asked for a page past the last one; the last page is shown instead.</summary>
    public bool PastLastPage { get; init; }

    /// <summary>True when the search ran and found nothing: the page shows next steps instead of hits and filters.</summary>
    public bool NoHits => Response is { Total: 0 };

    /// <summary>Pages needed for <paramref name="total"/> hits, at least one.</summary>
    public static int PageCountOf(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The 1-based rank of the first hit on this page (for `&lt;ol start&gt;`).</summary>
    public int FirstRank => ((Query.Page - 1) * PageSize) + 1;

    /// <summary>What the live region announces, e.g. "12 träffar för ”våld”."</summary>
    public string StatusText
    {
        get
        {
            if (InputError is not null)
            {
                return InputError;
            }

            if (Response is null)
            {
                return string.Empty;
            }

            if (Response.Total == 0)
            {
                var filtered = Query.Filters.Count > 0 ? " med de valda filtren" : string.Empty;
                return Query.Text.Length > 0 ? $"Inga träffar för ”{Query.Text}”{filtered}." : "Inga dokument matchar de valda filtren.";
            }

            var count = Response.Total == 1 ? "1 träff" : string.Create(CultureInfo.GetCultureInfo("sv-SE"), $"{Response.Total:N0} träffar");
            var shown = Response.CorrectedQuery ?? Query.Text;
            return shown.Length > 0 ? $"{count} för ”{shown}”." : $"{count}.";
        }
    }

    /// <summary>The visible heading of the results area: the count, or that the search could not be made.</summary>
    /// <remarks>The engine's reason is shown once, under this heading; the live region reads the reason itself.</remarks>
    public string Heading => InputError is not null ? "Sökningen kunde inte göras." : StatusText;

    /// <summary>The single words of a query of several plain words, each with the URL that searches it alone.</summary>
    /// <remarks>"Use fewer words" as links that do it; empty for one word or a query with operators.</remarks>
    public IReadOnlyList<(string Word, string Url)> SingleWordSearches
    {
        get
        {
            if (Query.Text.IndexOfAny(['"', '(', ')', '*']) >= 0)
            {
                return [];
            }

            var words = Query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w != "OR" && !w.StartsWith('-'))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            return words.Count is < 2 or > 6 ? [] : words.Select(w => (w, TextUrl(w))).ToList();
        }
    }

    /// <summary>The browser tab title.</summary>
    public string Title
    {
        get
        {
            var name = Mode == SearchMode.SupportLine ? "Stödtelefonläge" : "Sök";
            return Query.Text.Length > 0 ? $"{Query.Text} – {name}" : name;
        }
    }

    /// <summary>The Swedish name of a document type id ("vagledning" → "Vägledning"), from the facet counts.</summary>
    public string? DocumentTypeLabel(string? typeId)
    {
        if (string.IsNullOrWhiteSpace(typeId))
        {
            return null;
        }

        return Response is not null && Response.Facets.TryGetValue("dokumenttyp", out var types)
            ? types.FirstOrDefault(t => t.Id == typeId)?.Label ?? typeId
            : typeId;
    }

    /// <summary>The URL of this search on another page of results.</summary>
    public string PageUrl(int page) => Query.WithPage(page).ToUrl(BasePath);

    /// <summary>The URL of the same filters with other words (for "Menade du …?").</summary>
    public string TextUrl(string text) => Query.WithText(text).ToUrl(BasePath);

    /// <summary>The URL of these words searched exactly as typed (after "Visar träffar för …").</summary>
    public string AsTypedUrl => Query.AsTyped().ToUrl(BasePath);

    /// <summary>The URL without any filters.</summary>
    public string ClearFiltersUrl => Query.WithoutFilters().ToUrl(BasePath);

    /// <summary>The document page of a hit, carrying the query so it can show the matching passages.</summary>
    public string DocumentUrl(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var q = Response?.CorrectedQuery ?? Query.Text;
        return q.Length > 0
            ? $"/dokument/{hit.Id.ToString(CultureInfo.InvariantCulture)}?q={Uri.EscapeDataString(q)}"
            : $"/dokument/{hit.Id.ToString(CultureInfo.InvariantCulture)}";
    }

    private List<FacetGroup> BuildFacetGroups(SearchResponse response)
    {
        var groups = new List<FacetGroup>();
        foreach (var facet in FacetNames.Ordered)
        {
            if (!response.Facets.TryGetValue(facet.Id, out var counts))
            {
                continue;
            }

            // A selected value stays visible even at zero, so the user can always untick it.
            var values = counts.Where(c => c.Count > 0 || c.Selected || Query.IsSelected(facet.Id, c.Id)).ToList();
            if (facet.Id == "ar")
            {
                values = [.. values.OrderByDescending(v => v.Id, StringComparer.Ordinal)];
            }

            if (values.Count > 0)
            {
                groups.Add(new FacetGroup(facet.Id, facet.Label, values));
            }
        }

        return groups;
    }

    private List<FilterChip> BuildChips()
    {
        var chips = new List<FilterChip>();
        foreach (var facet in FacetNames.Ordered)
        {
            if (!Query.Filters.TryGetValue(facet.Id, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                var label = Response is not null && Response.Facets.TryGetValue(facet.Id, out var counts)
                    ? counts.FirstOrDefault(c => c.Id == value)?.Label ?? value
                    : value;
                chips.Add(new FilterChip(facet.Label, label, Query.WithoutFilter(facet.Id, value).ToUrl(BasePath)));
            }
        }

        return chips;
    }
}

/// <summary>One facet with its values and counts for the current search.</summary>
public sealed record FacetGroup(string Id, string Label, IReadOnlyList<FacetCount> Values);

/// <summary>An active filter and the URL that removes it.</summary>
public sealed record FilterChip(string FacetLabel, string ValueLabel, string RemoveUrl);
