namespace Kunskapsbank.Stress.Corpora;

/// <summary>One benchmark query: the text and its `facet:value` filters.</summary>
public sealed record BenchQuery(string Text, IReadOnlyList<KeyValuePair<string, string>> Filters)
{
    private static readonly string[] FilterFacets = ["malgrupp", "amne", "yrkesgrupp", "dokumenttyp", "ar"];

    /// <summary>Reads queries.txt: one query a line; leading `facet:value` words become filters.</summary>
    public static IReadOnlyList<BenchQuery> ReadFile(string path)
    {
        var queries = new List<BenchQuery>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length > 0)
            {
                queries.Add(Parse(line));
            }
        }

        if (queries.Count == 0)
        {
            throw new InvalidOperationException("Frågefilen är tom: " + path);
        }

        return queries;
    }

    /// <summary>Splits `amne:trauma yrkesgrupp:polis rutiner` into text and filters.</summary>
    public static BenchQuery Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var filters = new List<KeyValuePair<string, string>>();
        var words = new List<string>();
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !word.StartsWith('"') && FilterFacets.Contains(word[..colon]))
            {
                filters.Add(new(word[..colon], word[(colon + 1)..]));
            }
            else
            {
                words.Add(word);
            }
        }

        return new BenchQuery(string.Join(' ', words), filters);
    }

    /// <summary>The query string for GET /api/search (q plus one parameter per filter).</summary>
    public string ToApiQueryString(int page = 1, int pageSize = 10)
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(Text) };
        parts.AddRange(Filters.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        parts.Add("page=" + page);
        parts.Add("pageSize=" + pageSize);
        return string.Join('&', parts);
    }

    /// <summary>Words usable as typeahead prefixes (letters only, at least 3 characters).</summary>
    public IEnumerable<string> Words() =>
        Text.Split([' ', '"', '*', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && w.All(char.IsLetter));
}
