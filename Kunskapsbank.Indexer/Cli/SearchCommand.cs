using System.Globalization;
using System.Text.Json;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank search "fråga" [--index fil] [--filter facett=värde]... [--limit N] [--json] [--explain]`.</summary>
internal static class SearchCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = CliOptions.Parse(args, new HashSet<string> { "--index", "--filter", "--limit", "--page", "--sort" }, new HashSet<string> { "--json", "--explain" });
        if (options.Error is not null || options.Positional.Count == 0)
        {
            stderr.WriteLine(options.Error ?? "Ange vad du söker efter, till exempel: kunskapsbank search \"hedersrelaterat våld\"");
            return 2;
        }

        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var filter in options.Values.GetValueOrDefault("--filter") ?? [])
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == filter.Length - 1)
            {
                stderr.WriteLine($"Filtret ”{filter}” ska skrivas facett=värde, till exempel amne=hedersrelaterat-vald.");
                return 2;
            }

            var facet = filter[..eq];
            filters[facet] = [.. (filters.GetValueOrDefault(facet) ?? []), filter[(eq + 1)..]];
        }

        var limit = 10;
        if (options.Values.TryGetValue("--limit", out var limits) && (!int.TryParse(limits[^1], CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > 100))
        {
            stderr.WriteLine("--limit ska vara ett heltal mellan 1 och 100.");
            return 2;
        }

        var pageNumber = 1;
        if (options.Values.TryGetValue("--page", out var pages) && (!int.TryParse(pages[^1], CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            stderr.WriteLine("--page ska vara ett positivt heltal.");
            return 2;
        }

        var sort = options.Values.TryGetValue("--sort", out var sorts) && sorts[^1] is "nyast" or "newest" ? SortOrder.Newest : SortOrder.Relevance;
        if (!Directory.Exists(options.IndexPath))
        {
            stderr.WriteLine($"Det finns inget index i ”{options.IndexPath}”. Kör först: kunskapsbank index <dokumentmapp> --index {options.IndexPath}");
            return 1;
        }

        // Read-only: searching beside a running service needs no write lock.
        using var index = KunskapsbankIndex.Open(new IndexOptions(options.IndexPath, "corpus") { ReadOnly = true });
        SearchResponse response;
        try
        {
            response = index.Search.Search(new SearchRequest
            {
                Query = string.Join(' ', options.Positional),
                Filters = filters,
                PageSize = limit,
                Page = pageNumber,
                Sort = sort,
                Explain = options.Flags.Contains("--explain"),
            });
        }
        catch (SearchInputException ex)
        {
            stderr.WriteLine(ex.Message);
            return 2;
        }

        if (options.Flags.Contains("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(response, SearchJson.Indented));
            return 0;
        }

        WriteText(response, stdout);
        return 0;
    }

    private static void WriteText(SearchResponse response, TextWriter stdout)
    {
        if (response.CorrectedQuery is not null)
        {
            stdout.WriteLine($"Inga träffar på det du skrev. Visar träffar för ”{response.CorrectedQuery}”.");
        }
        else if (response.Suggestion is not null)
        {
            stdout.WriteLine($"Menade du ”{response.Suggestion}”?");
        }

        if (response.PartialMatch)
        {
            stdout.WriteLine("Inget dokument innehåller alla orden. Här är de som innehåller några av dem.");
        }

        stdout.WriteLine($"{response.Total} dokument.");
        var rank = 0;
        foreach (var hit in response.Hits)
        {
            stdout.WriteLine();
            stdout.WriteLine($"{++rank}. {hit.Title}  [{hit.Path}]");
            stdout.WriteLine($"   {hit.Publisher ?? "okänd utgivare"}, {hit.Year?.ToString(CultureInfo.InvariantCulture) ?? "okänt år"}, {hit.Status}, poäng {hit.Score:0.###}");
            foreach (var passage in hit.Passages)
            {
                var where = passage.Page is int page ? $"s. {page}" : passage.Heading ?? "början";
                stdout.WriteLine($"   – {where}: {PlainSnippet(passage.Snippet)}");
            }
        }

        foreach (var (facet, values) in response.Facets)
        {
            if (values.Count == 0)
            {
                continue;
            }

            stdout.WriteLine();
            stdout.WriteLine($"{facet}: " + string.Join(", ", values.Select(v => $"{v.Label} ({v.Count}){(v.Selected ? " ✓" : string.Empty)}")));
        }

        if (response.Explain is { } explain)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Tolkad fråga: {explain.ParsedQuery}");
            stdout.WriteLine($"Termer: {string.Join("; ", explain.Terms)}");
            stdout.WriteLine($"Lucene-fråga: {explain.LuceneQuery}");
            stdout.WriteLine("Tider (ms): " + string.Join(", ", explain.TimingsMs.Select(t => $"{t.Key} {t.Value:0.###}")));
        }
    }

    // The terminal shows the marks as »…« and the HTML entities as the characters they stand for.
    private static string PlainSnippet(string snippet) => System.Net.WebUtility.HtmlDecode(
        snippet.Replace("<mark>", "»", StringComparison.Ordinal).Replace("</mark>", "«", StringComparison.Ordinal));

}
