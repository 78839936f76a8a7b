using System.ComponentModel;
using Kunskapsbank.Indexer.Corpus;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank index &lt;dokumentmapp&gt;`: syncs the folder into the index with progress, waits for the OCR of
/// scanned pages (unless --utan-ocr) so the index is complete, then a summary.</summary>
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

        [CommandOption("--utan-ocr")]
        [Description("Vänta inte på OCR av inskannade sidor: filerna markeras och läses av nästa körning eller av tjänsten.")]
        public bool WithoutOcr { get; init; }
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
            var withOcr = !settings.WithoutOcr;
            using var index = KunskapsbankIndex.Open(new IndexOptions(settings.IndexPath, settings.Corpus) { RunOcr = withOcr, WarmWritePathWhileOpening = true });
            if (index.WasRebuilt)
            {
                console.Out.WriteLine("Indexet hade en äldre version och byggs om från början.");
            }

            foreach (var problem in index.TaxonomyProblems)
            {
                console.Out.WriteLine($"Taxonomi: {problem}");
            }

            var ocrClock = System.Diagnostics.Stopwatch.StartNew();
            SyncReport SyncThenOcr(IndexProgress? progress)
            {
                var synced = index.Corpus.SyncAll(progress, cancellationToken);
                ocrClock.Restart();
                if (synced.WaitingForOcr > 0 && withOcr)
                {
                    // The sync handed scanned PDFs to the background OCR; `index` leaves a complete index, so it waits.
                    index.Ocr.WaitUntilIdle(progress is null ? null : new OcrToProgress(progress), cancellationToken);
                }

                return synced;
            }

            var report = settings.Quiet
                ? SyncThenOcr(null)
                : IndexProgress.For(console, TimeProvider.System, PlainInterval).Show(SyncThenOcr);
            WriteSummary(report, console.StandardOutput(), console.Out);
            if (report.WaitingForOcr > 0 && !withOcr)
            {
                console.Out.WriteLine($"{SwedishText.Count(report.WaitingForOcr, "fil", "filer")} med inskannade sidor väntar på OCR (--utan-ocr). De blir sökbara när index körs utan --utan-ocr eller när tjänsten startar.");
            }
            else if (report.WaitingForOcr > 0)
            {
                var ocr = index.Ocr.Status();
                console.Out.WriteLine($"OCR klar på {SwedishText.Duration(ocrClock.Elapsed)}: {SwedishText.Count(ocr.FilesRead, "fil", "filer")}, {SwedishText.Count(ocr.PagesRead, "sida", "sidor")} lästa. Sidor som inte gick att läsa står i kunskapsbank report.");
            }

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
            $"{SwedishText.Number(report.Failed.Count)} {(report.Failed.Count == 1 ? "misslyckad" : "misslyckade")}" +
            $"{(report.WaitingForOcr > 0 ? $", {SwedishText.Number(report.WaitingForOcr)} väntar på OCR" : string.Empty)}.");
    }

    /// <summary>Shows the file being read by OCR on the index progress (the bar, or a plain line).</summary>
    private sealed class OcrToProgress(IndexProgress progress) : IProgress<BackgroundOcrStatus>
    {
        public void Report(BackgroundOcrStatus value)
        {
            if (value.Files.Count > 0)
            {
                progress.ReportOcr(value.Files[0].Path, value.Files[0].Progress);
            }
        }
    }
}
