using System.ComponentModel;
using System.Diagnostics;
using Kunskapsbank.Indexer.Analysis;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank compounds ord...` shows splits; `compounds --evaluate fil.tsv` prints precision and recall.</summary>
internal sealed class CompoundsCommand : CliCommand<CompoundsCommand.Settings>
{
    /// <summary>The options of `compounds`.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[ord]")]
        [Description("Orden som ska delas i sammansättningsdelar.")]
        public string[] Words { get; init; } = [];

        [CommandOption("--evaluate <fil.tsv>")]
        [Description("Mät precision och täckning på en testfil, till exempel tests/data/compound/domain-compounds-sv.tsv.")]
        public string? Evaluate { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() => (Words.Length, Evaluate) switch
        {
            (0, null) => ValidationResult.Error("Ange ord att dela, till exempel: kunskapsbank compounds våldsutsatta, eller --evaluate <fil.tsv>."),
            ( > 0, not null) => ValidationResult.Error("Ange antingen ord att dela eller --evaluate <fil.tsv>, inte båda."),
            _ => ValidationResult.Success(),
        };
    }

    /// <inheritdoc />
    protected override int Run(CliConsole console, CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Wall time depends on how busy the machine is; processor time is the cost of loading itself.
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var lexicon = CompoundLexicon.Load();
        var loadTime = clock.Elapsed;
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var splitter = new CompoundSplitter(lexicon);
        if (settings.Evaluate is { } file)
        {
            var code = Evaluate(file, splitter, SwedishAnalyzer.Create(lexicon).Stem, console);
            console.Out.WriteLine(string.Create(SwedishText.Culture, $"Ordlistan ({lexicon.Count} ordformer) laddades på {loadTime.TotalMilliseconds:F0} ms ({loadCpu.TotalMilliseconds:F0} ms processortid)."));
            return code;
        }

        foreach (var word in settings.Words)
        {
            var lower = word.ToLowerInvariant();
            var parts = splitter.Split(lower);
            console.Out.WriteLine(parts.Count == 0
                ? $"{word}\t(delas inte)"
                : $"{word}\t{string.Join('+', parts.Select(p => lower.Substring(p.Offset, p.Length)))}\t{string.Join('+', parts.Select(p => p.Lemma))}");
        }

        return ExitCodes.Ok;
    }

    private static int Evaluate(string file, CompoundSplitter splitter, Func<string, string> stem, CliConsole console)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"Kunde inte läsa testfilen {file}: {e.Message}");
            return ExitCodes.Failed;
        }

        CompoundEvaluation result;
        try
        {
            result = CompoundEvaluation.Run(splitter, stem, lines);
        }
        catch (FormatException e)
        {
            console.Error.WriteLine($"Testfilen har fel format. {e.Message}");
            return ExitCodes.Failed;
        }

        foreach (var error in result.Errors)
        {
            console.Out.WriteLine($"  {error}");
        }

        console.Out.WriteLine(string.Create(SwedishText.Culture, $"Sammansättningar: {result.Compounds}, ord som ska vara hela: {result.Whole}"));
        console.Out.WriteLine(string.Create(SwedishText.Culture, $"Rätt delade: {result.Correct}, fel delade: {result.Wrong}, missade: {result.Missed}, felaktigt delade hela ord: {result.FalseSplits}"));
        console.Out.WriteLine(string.Create(SwedishText.Culture, $"Precision: {result.Precision:P1}  Täckning (recall): {result.Recall:P1}  (samma delar som skrivet: {result.SurfaceExact})"));
        return ExitCodes.Ok;
    }
}
