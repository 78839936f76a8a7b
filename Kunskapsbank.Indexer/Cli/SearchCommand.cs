using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Kunskapsbank.Indexer.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank search "fråga"`: a table of hits with their best passages, then the facet counts; or the
/// API's JSON with --json.</summary>
internal sealed class SearchCommand : CliCommand<SearchCommand.Settings>
{
    /// <summary>The options of `search`.</summary>
    internal sealed class Settings : IndexFolderSettings
    {
        [CommandArgument(0, "[fråga]")]
        [Description("Det du söker: ord (alla måste finnas), \"fraser\", prefix*, -uteslut, OR, (parenteser), facett:värde. Text som börjar med minus skrivs efter --.")]
        public string[] Query { get; init; } = [];

        [CommandOption("--filter <facett=värde>")]
        [Description("Bara dokument med värdet, till exempel amne=hedersrelaterat-vald. Kan upprepas: samma facett = något av värdena, olika facetter = alla.")]
        public string[] Filters { get; init; } = [];

        [CommandOption("--limit <antal>")]
        [Description("Träffar per sida, 1–100.")]
        [DefaultValue("10")]
        public string Limit { get; init; } = "10";

        [CommandOption("--page <sida>")]
        [Description("Vilken sida av träffarna.")]
        [DefaultValue("1")]
        public string Page { get; init; } = "1";

        [CommandOption("--sort <ordning>")]
        [Description("relevans eller nyast.")]
        [DefaultValue("relevans")]
        public string Sort { get; init; } = "relevans";

        [CommandOption("--json")]
        [Description("Skriv svaret som JSON, samma som GET /api/search.")]
        public bool Json { get; init; }

        [CommandOption("--explain")]
        [Description("Visa den tolkade frågan, termerna, Lucene-frågan och tiden per steg.")]
        public bool Explain { get; init; }

        public int LimitValue => int.Parse(Limit, CultureInfo.InvariantCulture);

        public int PageValue => int.Parse(Page, CultureInfo.InvariantCulture);

        public SortOrder SortValue => Sort is "nyast" or "newest" ? SortOrder.Newest : SortOrder.Relevance;

        /// <summary>The --filter values by facet.</summary>
        public Dictionary<string, IReadOnlyList<string>> FilterValues() => Filters
            .Select(f => (Facet: f[..f.IndexOf('=', StringComparison.Ordinal)], Value: f[(f.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .GroupBy(f => f.Facet, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList(), StringComparer.Ordinal);

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Filters.FirstOrDefault(f => f.IndexOf('=', StringComparison.Ordinal) is <= 0 || f.EndsWith('=')) is { } filter)
            {
                return ValidationResult.Error($"Filtret ”{filter}” ska skrivas facett=värde, till exempel amne=hedersrelaterat-vald.");
            }

            if (!int.TryParse(Limit, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > 100)
            {
                return ValidationResult.Error("--limit ska vara ett heltal mellan 1 och 100.");
            }

            if (!int.TryParse(Page, CultureInfo.InvariantCulture, out var page) || page < 1)
            {
                return ValidationResult.Error("--page ska vara ett positivt heltal.");
            }

            return Sort is "relevans" or "nyast" or "relevance" or "newest"
                ? ValidationResult.Success()
                : ValidationResult.Error("--sort ska vara relevans eller nyast.");
        }
    }

    /// <inheritdoc />
    public override ValidationResult Validate(CommandContext context, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return QueryText(context, settings).Length == 0
            ? ValidationResult.Error("Ange vad du söker efter, till exempel: kunskapsbank search \"hedersrelaterat våld\"")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    protected override int Run(CliConsole console, CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.MissingIndex() is { } missing)
        {
            console.Error.WriteLine(missing);
            return ExitCodes.Failed;
        }

        // Read-only: searching beside a running service needs no write lock.
        using var index = KunskapsbankIndex.Open(new IndexOptions(settings.IndexPath, "corpus") { ReadOnly = true });
        SearchResponse response;
        try
        {
            response = index.Search.Search(
                new SearchRequest
                {
                    Query = QueryText(context, settings),
                    Filters = settings.FilterValues(),
                    PageSize = settings.LimitValue,
                    Page = settings.PageValue,
                    Sort = settings.SortValue,
                    Explain = settings.Explain,
                },
                cancellationToken);
        }
        catch (SearchInputException ex)
        {
            console.Error.WriteLine(ex.Message);
            return ExitCodes.Usage;
        }

        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(response, SearchJson.Indented));
            return ExitCodes.Ok;
        }

        new SearchResultView(FacetLabels.Of(index.Search), !console.NoColor && console.OutIsTerminal)
            .Write(response, settings.PageValue, settings.LimitValue, console.StandardOutput());
        return ExitCodes.Ok;
    }

    // The words of the argument and, after --, those that start with a minus.
    private static string QueryText(CommandContext context, Settings settings) =>
        string.Join(' ', settings.Query.Concat(Literal(context))).Trim();
}
