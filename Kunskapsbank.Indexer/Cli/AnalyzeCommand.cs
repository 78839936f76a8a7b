using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank analyze "text"`: prints the token stream, one token a line, tab-separated.</summary>
internal static class AnalyzeCommand
{
    public static int Run(string[] args, Func<Analyzer> createAnalyzer, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine("Ange en text att analysera, till exempel: kunskapsbank analyze \"våldsutsatta kvinnor\"");
            return 2;
        }

        var analyzer = createAnalyzer();
        var text = string.Join(' ', args);
        stdout.WriteLine("term\tord\tstart\tslut\tposition\tdel\tstoppord\ttext");
        foreach (var token in analyzer.Analyze(text))
        {
            stdout.WriteLine(string.Join('\t',
                token.Term,
                token.Word,
                token.Start,
                token.End,
                token.Position,
                token.IsCompoundPart ? "ja" : "nej",
                token.IsStopWord ? "ja" : "nej",
                Printable(text[token.Start..token.End])));
        }

        return 0;
    }

    // The original span, with invisible characters shown so a soft hyphen inside a word is visible in the output.
    private static string Printable(string span) =>
        string.Concat(span.Select(c => char.IsControl(c) || c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' ? $"<U+{(int)c:X4}>" : c.ToString()));
}
