using System.ComponentModel;
using Kunskapsbank.Indexer.Corpus;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank index &lt;dokumentmapp&gt;`: syncs the folder into the index with progress, then a summary.</summary>
internal sealed class IndexCommand : CliCommand<IndexCommand.Settings>
{
    /// <summary>How often a plain progress line is written when standard error is not a terminal.</summary>
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>The options of `index`.</summary>
    internal sealed class Settings : IndexFolderSettings
    {
        [CommandArgument(0, "<dokumentmapp>")]
        [Description("Mappen med dokumenten, till exempel corpus.")]
        public string Corpus { get; init; } = string.Empty;

        [CommandOption("--tyst|--quiet")]
        [Description("Visa inte hur långt körningen har kommit, bara sammanfattningen.")]
        public bool Quiet { get; init; }
    }

    /// <inheritdoc />
    protected override int Run(CliConsole console, CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.Corpus))
        {
            console.Error.WriteLine($"Dokumentmappen ”{settings.Corpus}” finns inte. Kontrollera sökvägen och försök igen.");
            return ExitCodes.Failed;
        }

        try
        {
            using var index = KunskapsbankIndex.Open(new IndexOptions(settings.IndexPath, settings.Corpus));
            if (index.WasRebuilt)
            {
                console.Out.WriteLine("Indexet hade en äldre version och byggs om från början.");
            }

            foreach (var problem in index.TaxonomyProblems)
            {
                console.Out.WriteLine($"Taxonomi: {problem}");
            }

            var report = settings.Quiet
                ? index.Corpus.SyncAll(null, cancellationToken)
                : IndexProgress.For(console, TimeProvider.System, PlainInterval).Show(progress => index.Corpus.SyncAll(progress, cancellationToken));
            WriteSummary(report, console.StandardOutput(), console.Out);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not Index.IndexLockedException)
        {
            console.Error.WriteLine($"Indexeringen kunde inte slutföras: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Failed files first (a table with their Swedish reasons), then one line with the counts, written as it is
    /// so that a log keeps it on one line for grep.</summary>
    internal static void WriteSummary(SyncReport report, IAnsiConsole output, TextWriter line)
    {
        if (report.Failed.Count > 0)
        {
            output.Write(ReportTables.Failures(report.Failed));
        }

        line.WriteLine(
            $"Klart på {SwedishText.Duration(report.Elapsed)}: " +
            $"{SwedishText.Number(report.Indexed)} {(report.Indexed == 1 ? "indexerad" : "indexerade")}, " +
            $"{SwedishText.Number(report.Unchanged)} {(report.Unchanged == 1 ? "oförändrad" : "oförändrade")}, " +
            $"{SwedishText.Number(report.Moved)} {(report.Moved == 1 ? "flyttad" : "flyttade")}, " +
            $"{SwedishText.Number(report.Removed)} {(report.Removed == 1 ? "borttagen" : "borttagna")}, " +
            $"{SwedishText.Number(report.Failed.Count)} {(report.Failed.Count == 1 ? "misslyckad" : "misslyckade")}.");
    }
}
