using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank analyze "text"`: prints the token stream.</summary>
internal static class AnalyzeCommand
{
    public static int Run(string[] args, Analyzer analyzer, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine("Ange en text att analysera, till exempel: kunskapsbank analyze \"våldsutsatta kvinnor\"");
            return 2;
        }

        var text = string.Join(' ', args);
        stdout.WriteLine("term\tord\tstart\tslut\tposition\tdel");
        foreach (var token in analyzer.Analyze(text))
        {
            stdout.WriteLine($"{token.Term}\t{token.Word}\t{token.Start}\t{token.End}\t{token.Position}\t{(token.IsCompoundPart ? "ja" : "nej")}");
        }

        return 0;
    }
}
