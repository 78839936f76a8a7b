using System.Text;
using Kunskapsbank.Indexer.Search;
using Microsoft.AspNetCore.Http;

namespace Kunskapsbank.Web.Models;

/// <summary>What the user asked for, as it travels in the URL: `q`, one parameter per facet (repeatable), `sida` and `exakt`.</summary>
/// <remarks>The URL is the state: the no-JS form, shared links, the back button and the JS fragments all read it here.</remarks>
public sealed record SearchQuery(string Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters, int Page)
{
    /// <summary>Longest query text we pass on; longer input is cut, never rejected.</summary>
    public const int MaxTextLength = 500;

    private const int MaxValuesPerFacet = 30;
    private const int MaxPage = 1000;

    /// <summary>An empty search.</summary>
    public static SearchQuery Empty { get; } = new(string.Empty, new Dictionary<string, IReadOnlyList<string>>(), 1);

    /// <summary>Search the words exactly as typed, without typo correction (`exakt=1`, the "Sök i stället efter …" link).</summary>
    public bool Exact { get; init; }

    /// <summary>True when there is something to search for (words or a filter).</summary>
    public bool HasCriteria => Text.Length > 0 || Filters.Count > 0;

    /// <summary>Reads the query string; unknown parameters are ignored and sizes bounded so hostile URLs stay harmless.</summary>
    public static SearchQuery FromQueryString(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = Bounded(InputText.Clean(query["q"].ToString()));

        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var facet in FacetNames.Ordered)
        {
            var values = query[facet.Id]
                .Select(v => Bounded(InputText.Clean(v)))
                .Where(v => v.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Take(MaxValuesPerFacet)
                .ToList();
            if (values.Count > 0)
            {
                filters[facet.Id] = values;
            }
        }

        var page = int.TryParse(query["sida"], out var p) ? Math.Clamp(p, 1, MaxPage) : 1;
        return new SearchQuery(text, filters, page) { Exact = query["exakt"] == "1" };
    }

    /// <summary>Cleaned user text cut to <see cref="MaxTextLength"/>, never between the two halves of a surrogate pair.</summary>
    public static string Bounded(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxTextLength)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return text[..end].TrimEnd();
    }

    /// <summary>The engine's request for this query.</summary>
    public SearchRequest ToRequest(int pageSize) => new()
    {
        Query = Text,
        Filters = Filters,
        Page = Page,
        PageSize = pageSize,
        CorrectTypos = !Exact,
    };

    /// <summary>True when <paramref name="valueId"/> of <paramref name="facetId"/> is selected.</summary>
    public bool IsSelected(string facetId, string valueId) =>
        Filters.TryGetValue(facetId, out var values) && values.Contains(valueId, StringComparer.Ordinal);

    /// <summary>The same query with one filter value removed (back to page 1).</summary>
    public SearchQuery WithoutFilter(string facetId, string valueId)
    {
        var filters = Filters.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (filters.TryGetValue(facetId, out var values))
        {
            var remaining = values.Where(v => v != valueId).ToList();
            if (remaining.Count > 0)
            {
                filters[facetId] = remaining;
            }
            else
            {
                filters.Remove(facetId);
            }
        }

        return this with { Filters = filters, Page = 1 };
    }

    /// <summary>The same query without any filters (back to page 1).</summary>
    public SearchQuery WithoutFilters() => this with { Filters = new Dictionary<string, IReadOnlyList<string>>(), Page = 1 };

    /// <summary>Another text with the same filters (back to page 1), typo correction on.</summary>
    public SearchQuery WithText(string text) => this with { Text = text, Page = 1, Exact = false };

    /// <summary>The same words searched exactly as typed, without typo correction (back to page 1).</summary>
    public SearchQuery AsTyped() => this with { Page = 1, Exact = true };

    /// <summary>Another page of the same search.</summary>
    public SearchQuery WithPage(int page) => this with { Page = page };

    /// <summary>The URL of this query under <paramref name="path"/> (e.g. `/` or `/stodtelefon`).</summary>
    public string ToUrl(string path)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        void Add(string name, string value)
        {
            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        if (Text.Length > 0)
        {
            Add("q", Text);
        }

        foreach (var facet in FacetNames.Ordered)
        {
            if (Filters.TryGetValue(facet.Id, out var values))
            {
                foreach (var value in values)
                {
                    Add(facet.Id, value);
                }
            }
        }

        if (Page > 1)
        {
            Add("sida", Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Exact)
        {
            Add("exakt", "1");
        }

        return builder.ToString();
    }
}
