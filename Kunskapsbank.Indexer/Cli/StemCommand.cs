using System.Text;
using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank stem [--index]`: one word a line on standard input, its stem a line on standard output.</summary>
internal static class StemCommand
{
    private const int FlushAt = 64 * 1024;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var useOverrides = args is ["--index"];
        if (args.Length > 0 && !useOverrides)
        {
            stderr.WriteLine("Kommandot stem tar bara flaggan --index. Skicka orden på standard in, ett per rad.");
            return 2;
        }

        // Plain Snowball by default (comparable with the Snowball vocabulary); --index stems as the index does: the
        // analyzer's own chain (overrides, protected words, -an rule).
        Func<string, string> stem = useOverrides ? SwedishAnalyzer.Create().Stem : SwedishStemmer.Stem;

        // Console.Out flushes on every line; batching keeps 30,000 words far below a second.
        var output = new StringBuilder(FlushAt + 256);
        while (stdin.ReadLine() is { } line)
        {
            output.Append(stem(line.Trim().ToLowerInvariant())).Append('\n');
            if (output.Length >= FlushAt)
            {
                stdout.Write(output.ToString());
                output.Clear();
            }
        }

        stdout.Write(output.ToString());
        stdout.Flush();
        return 0;
    }
}
