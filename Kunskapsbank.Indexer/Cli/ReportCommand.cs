using System.Text.Json;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank report [--index fil] [--json]`: documents with metadata and tag reasons, and failed files.</summary>
internal static class ReportCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = CliOptions.Parse(args, new HashSet<string> { "--index", "--corpus" }, new HashSet<string> { "--json" });
        if (options.Error is not null || options.Positional.Count > 0)
        {
            stderr.WriteLine(options.Error ?? "Användning: kunskapsbank report [--index fil] [--json]");
            return 2;
        }

        if (!Directory.Exists(options.IndexPath))
        {
            stderr.WriteLine($"Det finns inget index i ”{options.IndexPath}”. Kör först: kunskapsbank index <dokumentmapp> --index {options.IndexPath}");
            return 1;
        }

        var corpus = options.Values.TryGetValue("--corpus", out var c) ? c[^1] : "corpus";
        using var index = KunskapsbankIndex.Open(new IndexOptions(options.IndexPath, corpus) { ReadOnly = true });
        var report = index.Corpus.GetReport();
        if (options.Flags.Contains("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, SearchJson.Indented));
            return 0;
        }

        stdout.WriteLine($"Index: {index.IndexPath}");
        stdout.WriteLine(report.LastSync is { } last ? $"Senast synkroniserat: {last.ToLocalTime():yyyy-MM-dd HH:mm:ss}" : "Aldrig synkroniserat.");
        var waiting = report.Files.Where(f => f.State == Index.FileStates.Ocr).ToList();
        stdout.WriteLine($"{report.Documents.Count} dokument, {report.Failed.Count} filer som inte kunde indexeras, {waiting.Count} som läses med OCR.");
        stdout.WriteLine();
        foreach (var document in report.Documents)
        {
            stdout.WriteLine($"{document.Path}  (id {document.Id})");
            stdout.WriteLine($"  Titel: {document.Title}");
            stdout.WriteLine($"  Utgivare: {document.Publisher ?? "okänd"}, år: {document.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "okänt"}, typ: {document.DocumentType ?? "okänd"}, status: {document.Status}");
            foreach (var tag in document.Tags)
            {
                stdout.WriteLine($"  {tag.Facet} = {tag.Value} ({SourceLabel(tag.Source)}): {tag.Reason}");
            }

            foreach (var problem in document.Problems)
            {
                stdout.WriteLine($"  Obs: {problem}");
            }
        }

        if (report.RecentChanges.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Senaste ändringar:");
            foreach (var change in report.RecentChanges.Take(20))
            {
                var moved = change.OldPath is null ? string.Empty : $" (från {change.OldPath})";
                stdout.WriteLine($"  {change.Time.ToLocalTime():yyyy-MM-dd HH:mm:ss} {change.Kind}: {change.Path}{moved}");
            }
        }

        if (waiting.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Inskannade filer som läses med OCR (sökbara när de är lästa):");
            foreach (var file in waiting)
            {
                var textPages = file.DocumentId is null ? string.Empty : " – sidorna med text är redan sökbara";
                stdout.WriteLine($"  {file.Path}: {file.Ocr?.Message}{textPages}");
            }
        }

        if (report.Failed.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Filer som inte kunde indexeras:");
            foreach (var failed in report.Failed)
            {
                stdout.WriteLine($"  {failed.Path} ({failed.Kind}): {failed.Reason}");
            }
        }

        return 0;
    }

    private static string SourceLabel(TagSource source) => source switch
    {
        TagSource.Sidecar => "metadatafil",
        TagSource.Properties => "filens egenskaper",
        _ => "automatisk",
    };

}
