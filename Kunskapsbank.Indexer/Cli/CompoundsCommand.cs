using System.Diagnostics;
using System.Globalization;
using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank compounds ord...` shows splits; `compounds --evaluate fil.tsv` prints precision and recall.</summary>
internal static class CompoundsCommand
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine("Ange ord att dela, till exempel: kunskapsbank compounds våldsutsatta, eller --evaluate <fil.tsv>.");
            return 2;
        }

        // Wall time depends on how busy the machine is; processor time is the cost of loading itself.
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var lexicon = CompoundLexicon.Load();
        var loadTime = clock.Elapsed;
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var splitter = new CompoundSplitter(lexicon);
        if (args[0] == "--evaluate")
        {
            var code = Evaluate(args, splitter, SwedishAnalyzer.Create(lexicon).Stem, stdout, stderr);
            stdout.WriteLine(string.Create(Swedish, $"Ordlistan ({lexicon.Count} ordformer) laddades på {loadTime.TotalMilliseconds:F0} ms ({loadCpu.TotalMilliseconds:F0} ms processortid)."));
            return code;
        }

        foreach (var word in args)
        {
            var lower = word.ToLowerInvariant();
            var parts = splitter.Split(lower);
            stdout.WriteLine(parts.Count == 0
                ? $"{word}\t(delas inte)"
                : $"{word}\t{string.Join('+', parts.Select(p => lower.Substring(p.Offset, p.Length)))}\t{string.Join('+', parts.Select(p => p.Lemma))}");
        }

        return 0;
    }

    private static int Evaluate(string[] args, CompoundSplitter splitter, Func<string, string> stem, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 2)
        {
            stderr.WriteLine("Ange en testfil: kunskapsbank compounds --evaluate tests/data/compound/domain-compounds-sv.tsv");
            return 2;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(args[1]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"Kunde inte läsa testfilen {args[1]}: {e.Message}");
            return 1;
        }

        CompoundEvaluation result;
        try
        {
            result = CompoundEvaluation.Run(splitter, stem, lines);
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"Testfilen har fel format. {e.Message}");
            return 1;
        }

        foreach (var error in result.Errors)
        {
            stdout.WriteLine($"  {error}");
        }

        stdout.WriteLine(string.Create(Swedish, $"Sammansättningar: {result.Compounds}, ord som ska vara hela: {result.Whole}"));
        stdout.WriteLine(string.Create(Swedish, $"Rätt delade: {result.Correct}, fel delade: {result.Wrong}, missade: {result.Missed}, felaktigt delade hela ord: {result.FalseSplits}"));
        stdout.WriteLine(string.Create(Swedish, $"Precision: {result.Precision:P1}  Täckning (recall): {result.Recall:P1}  (samma delar som skrivet: {result.SurfaceExact})"));
        return 0;
    }
}
