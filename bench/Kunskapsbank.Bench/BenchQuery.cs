using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Bench;

/// <summary>One line of the query file: the text and the facet filters written as `facet:value`.</summary>
internal sealed record BenchQuery(string Line, string Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters)
{
    // The shared query set names facets as the benchmark corpus does; the engine's ids differ for two of them.
    private static readonly Dictionary<string, string> FacetIds = new()
    {
        ["malgrupp"] = "malgrupp",
        ["amne"] = "amne",
        ["yrkesgrupp"] = "yrkesgrupp",
        ["year"] = "ar",
        ["publisher"] = "utgivare",
    };

    public bool IsPrefix => Text.Contains('*', StringComparison.Ordinal);

    public bool IsPhrase => Text.Contains('"', StringComparison.Ordinal);

    public static IReadOnlyList<BenchQuery> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToList();

    public static BenchQuery Parse(string line)
    {
        var filters = new Dictionary<string, List<string>>();
        var words = new List<string>();
        foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !part.StartsWith('"') && FacetIds.TryGetValue(part[..colon], out var facet))
            {
                if (!filters.TryGetValue(facet, out var values))
                {
                    filters[facet] = values = [];
                }

                values.Add(part[(colon + 1)..]);
            }
            else
            {
                words.Add(part);
            }
        }

        return new BenchQuery(line, string.Join(' ', words), filters.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value));
    }

    public SearchRequest ToRequest(QueryMode mode) => new()
    {
        Query = Text,
        Filters = Filters,
        PageSize = 10,
        IncludeFacets = mode != QueryMode.Top10,
        IncludePassages = mode == QueryMode.Full,
    };
}

/// <summary>What a measured query computes.</summary>
internal enum QueryMode
{
    /// <summary>Top-10 documents only.</summary>
    Top10,

    /// <summary>Top-10 plus facet counts over all matches.</summary>
    Facets,

    /// <summary>Top-10, facet counts, best passages and highlighted snippets.</summary>
    Full,
}
