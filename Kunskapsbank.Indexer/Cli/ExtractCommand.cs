using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank extract &lt;fil&gt;... [--json]`: what extraction makes of a file – its passages with page or
/// heading, OCR marks and notes – without touching an index. For editors asking "why is my PDF not found?", and
/// for measuring (it prints the time per file).</summary>
internal static class ExtractCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var json = args.Contains("--json");
        var files = args.Where(a => a != "--json").ToList();
        if (files.Count == 0 || files.Any(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            stderr.WriteLine("Användning: kunskapsbank extract <fil>... [--json]");
            return 2;
        }

        var registry = ExtractorRegistry.CreateDefault();
        var failed = 0;
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            var result = registry.Extract(file, ExtractionLimits.Default, CancellationToken.None);
            clock.Stop();
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    file,
                    seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
                    failure = result.Failure,
                    pageCount = result.Document?.Properties.PageCount,
                    notes = result.Document?.Notes,
                    passages = result.Document?.Passages.Select(p => new { p.Page, heading = p.HeadingPath, p.IsOcr, p.Text }),
                }));
            }
            else if (result.Document is { } document)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {file}: {document.Passages.Count} stycken, {clock.Elapsed.TotalSeconds:0.00} s"));
                foreach (var note in document.Notes)
                {
                    stdout.WriteLine($"# Obs: {note}");
                }

                foreach (var passage in document.Passages)
                {
                    var where = passage.Page is { } page ? $"sida {page}" : string.Join(" › ", passage.HeadingPath);
                    stdout.WriteLine($"[{where}{(passage.IsOcr ? ", tolkad text (OCR)" : string.Empty)}] {passage.Text.Replace("\n\n", " ¶ ", StringComparison.Ordinal)}");
                }
            }
            else
            {
                stdout.WriteLine($"# {file}: kunde inte läsas: {result.Failure!.Message}");
            }

            failed += result.Succeeded ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }
}
