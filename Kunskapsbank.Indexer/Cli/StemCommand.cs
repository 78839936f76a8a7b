using System.ComponentModel;
using System.Text;
using Kunskapsbank.Indexer.Analysis;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank stem [--index]`: one word a line on standard input, its stem a line on standard output.</summary>
internal sealed class StemCommand : CliCommand<StemCommand.Settings>
{
    private const int FlushAt = 64 * 1024;

    /// <summary>The options of `stem`.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--index")]
        [Description("Stamma som indexet gör: med projektets undantag (stem-overrides.tsv), skyddade ord och -an-regeln.")]
        public bool AsIndex { get; init; }
    }

    /// <inheritdoc />
    protected override int Run(CliConsole console, CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Plain Snowball by default (comparable with the Snowball vocabulary); --index stems as the index does.
        Func<string, string> stem = settings.AsIndex ? SwedishAnalyzer.Create().Stem : SwedishStemmer.Stem;

        // Console.Out flushes on every line; batching keeps 30,000 words far below a second.
        var output = new StringBuilder(FlushAt + 256);
        while (console.In.ReadLine() is { } line)
        {
            output.Append(stem(line.Trim().ToLowerInvariant())).Append('\n');
            if (output.Length >= FlushAt)
            {
                console.Out.Write(output.ToString());
                output.Clear();
            }
        }

        console.Out.Write(output.ToString());
        console.Out.Flush();
        return ExitCodes.Ok;
    }
}
