using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kunskapsbank.Indexer.Extraction;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank extract &lt;fil&gt;... [--json]`: what extraction makes of a file – its passages with page or
/// heading, OCR marks and notes – without touching an index. For editors asking "why is my PDF not found?", and
/// for measuring (it prints the time per file).</summary>
internal sealed class ExtractCommand : CliCommand<ExtractCommand.Settings>
{
    /// <summary>The options of `extract`.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[fil]")]
        [Description("Filerna som ska läsas (PDF, Word, Markdown, HTML, text).")]
        public string[] Files { get; init; } = [];

        [CommandOption("--json")]
        [Description("En rad JSON per fil.")]
        public bool Json { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() => Files.Length == 0
            ? ValidationResult.Error("Ange en eller flera filer, till exempel: kunskapsbank extract corpus/freda-handbok-2024.pdf")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    protected override int Run(CliConsole console, CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var registry = ExtractorRegistry.CreateDefault();
        var failed = 0;
        foreach (var file in settings.Files)
        {
            var clock = Stopwatch.StartNew();
            var result = registry.Extract(file, ExtractionLimits.Default, cancellationToken);
            clock.Stop();
            if (settings.Json)
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new
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
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {file}: {SwedishText.Count(document.Passages.Count, "stycke", "stycken")}, {clock.Elapsed.TotalSeconds:0.00} s"));
                foreach (var note in document.Notes)
                {
                    console.Out.WriteLine($"# Obs: {note}");
                }

                foreach (var passage in document.Passages)
                {
                    var where = passage.Page is { } page ? $"sida {page}" : string.Join(" › ", passage.HeadingPath);
                    console.Out.WriteLine($"[{where}{(passage.IsOcr ? ", tolkad text (OCR)" : string.Empty)}] {passage.Text.Replace("\n\n", " ¶ ", StringComparison.Ordinal)}");
                }
            }
            else
            {
                console.Out.WriteLine($"# {file}: kunde inte läsas: {result.Failure!.Message}");
            }

            failed += result.Succeeded ? 0 : 1;
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
