using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank report`: failed files first with their reasons, files waiting for OCR, the documents with
/// their metadata and tags (and why each tag), and the latest changes.</summary>
internal sealed class ReportCommand : CliCommand<ReportCommand.Settings>
{
    /// <summary>How many of the latest changes the text report lists (the JSON has all that are kept).</summary>
    private const int ChangesShown = 20;

    /// <summary>The <see cref="ReportedFile.State"/> of a file whose scanned pages are read in the background.</summary>
    private const string OcrState = "ocr";

    /// <summary>The options of `report`.</summary>
    internal sealed class Settings : IndexFolderSettings
    {
        [CommandOption("--corpus <mapp>")]
        [Description("Dokumentmappen som indexet beskriver (för taxonomin).")]
        [DefaultValue("corpus")]
        public string Corpus { get; init; } = "corpus";

        [CommandOption("--json")]
        [Description("Skriv rapporten som JSON.")]
        public bool Json { get; init; }
    }

    /// <inheritdoc />
    protected override int Run(CliConsole console, CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.MissingIndex() is { } missing)
        {
            console.Error.WriteLine(missing);
            return ExitCodes.Failed;
        }

        using var index = KunskapsbankIndex.Open(new IndexOptions(settings.IndexPath, settings.Corpus) { ReadOnly = true });
        var report = index.Corpus.GetReport();
        if (settings.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(report, SearchJson.Indented));
            return ExitCodes.Ok;
        }

        Write(report, index.IndexPath, FacetLabels.Of(index.Search), console.StandardOutput());
        return ExitCodes.Ok;
    }

    private static void Write(IndexReport report, string indexPath, FacetLabels labels, IAnsiConsole output)
    {
        var reading = report.Files.Where(f => f.State == OcrState).ToList();
        output.WriteLine($"Index: {indexPath}");
        output.WriteLine(report.LastSync is { } last ? $"Senast synkroniserat: {last.ToLocalTime():yyyy-MM-dd HH:mm:ss}" : "Aldrig synkroniserat.");
        var counts = new List<string> { SwedishText.Count(report.Documents.Count, "dokument", "dokument") };
        counts.Add($"{SwedishText.Count(report.Failed.Count, "fil", "filer")} kunde inte indexeras");
        if (reading.Count > 0)
        {
            counts.Add($"{SwedishText.Count(reading.Count, "fil", "filer")} läses med OCR");
        }

        output.WriteLine(string.Join(" · ", counts) + ".");

        if (report.Failed.Count > 0)
        {
            output.WriteLine();
            output.Write(ReportTables.Failures(report.Failed));
        }

        if (reading.Count > 0)
        {
            output.WriteLine();
            output.Write(ReportTables.Table(
                $"{SwedishText.Count(reading.Count, "fil", "filer")} läses med OCR (sökbara när de är lästa)",
                ["Fil", "Hur långt"],
                reading.Select(f => new[] { f.Path, (f.Ocr?.Message ?? "Väntar på OCR") + (f.DocumentId is null ? string.Empty : " – sidorna med text är redan sökbara") })));
        }

        if (report.Documents.Count > 0)
        {
            output.WriteLine();
            output.Write(ReportTables.Table(
                SwedishText.Count(report.Documents.Count, "dokument", "dokument"),
                ["Fil", "Titel", "År", "Status"],
                report.Documents.Select(d => new[]
                {
                    d.Path,
                    d.Title,
                    d.Year?.ToString(CultureInfo.InvariantCulture) ?? "–",
                    labels.Value(FacetIds.Status, d.Status),
                })));
            output.WriteLine();
            output.WriteLine("Taggar och varför:");
            foreach (var document in report.Documents)
            {
                WriteTags(document, labels, output);
            }
        }

        if (report.RecentChanges.Count > 0)
        {
            output.WriteLine();
            output.Write(ReportTables.Table(
                "Senaste ändringar",
                ["Tid", "Ändring", "Fil"],
                report.RecentChanges.Take(ChangesShown).Select(c => new[]
                {
                    c.Time.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    ChangeKind(c.Kind),
                    c.OldPath is null ? c.Path : $"{c.Path} (från {c.OldPath})",
                })));
        }
    }

    // One block per document: its name, then a borderless grid of facet, value and where the tag came from and why.
    private static void WriteTags(ReportedDocument document, FacetLabels labels, IAnsiConsole output)
    {
        output.WriteLine();
        output.WriteLine($"{document.Path} – {document.Title}");
        var grid = new Grid().AddColumn(new GridColumn { NoWrap = true, Padding = new Padding(2, 0, 1, 0) }).AddColumn().AddColumn();
        // Values of one facet with the same source and reason share a row, so a sidecar's reason is said once.
        foreach (var group in document.Tags.GroupBy(t => (t.Facet, t.Source, t.Reason)))
        {
            grid.AddRow(
                ReportTables.Cell(labels.Facet(group.Key.Facet)),
                ReportTables.Cell(string.Join(", ", group.Select(t => labels.Value(t.Facet, t.Value)))),
                ReportTables.Cell($"{SourceLabel(group.Key.Source)}: {group.Key.Reason}"));
        }

        foreach (var problem in document.Problems)
        {
            grid.AddRow(ReportTables.Cell("Obs"), ReportTables.Cell(problem), ReportTables.Cell(string.Empty));
        }

        if (grid.Rows.Count == 0)
        {
            grid.AddRow(ReportTables.Cell("Inga taggar"), ReportTables.Cell(string.Empty), ReportTables.Cell(string.Empty));
        }

        output.Write(grid);
    }

    private static string SourceLabel(TagSource source) => source switch
    {
        TagSource.Sidecar => "sidofil",
        TagSource.Properties => "filens egenskaper",
        _ => "automatisk",
    };

    private static string ChangeKind(string kind) => kind switch
    {
        ChangeKinds.Added => "Tillagd",
        ChangeKinds.Changed => "Ändrad",
        ChangeKinds.Moved => "Flyttad",
        ChangeKinds.Removed => "Borttagen",
        ChangeKinds.Failed => "Misslyckad",
        _ => kind,
    };
}
