using System.ComponentModel;
using Kunskapsbank.Indexer.Analysis;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank analyze "text"`: prints the token stream, one token a line, tab-separated.</summary>
internal sealed class AnalyzeCommand : CliCommand<AnalyzeCommand.Settings>
{
    /// <summary>The options of `analyze`.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[text]")]
        [Description("Texten som ska delas upp i söktermer.")]
        public string[] Text { get; init; } = [];
    }

    /// <inheritdoc />
    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        Words(context, settings).Length == 0
            ? ValidationResult.Error("Ange en text att analysera, till exempel: kunskapsbank analyze \"våldsutsatta kvinnor\"")
            : ValidationResult.Success();

    /// <inheritdoc />
    protected override int Run(CliConsole console, CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var analyzer = SwedishAnalyzer.Create();
        var text = Words(context, settings);
        console.Out.WriteLine("term\tord\tstart\tslut\tposition\tdel\tstoppord\ttext");
        foreach (var token in analyzer.Analyze(text))
        {
            console.Out.WriteLine(string.Join('\t',
                token.Term,
                token.Word,
                token.Start,
                token.End,
                token.Position,
                token.IsCompoundPart ? "ja" : "nej",
                token.IsStopWord ? "ja" : "nej",
                Printable(text[token.Start..token.End])));
        }

        return ExitCodes.Ok;
    }

    private static string Words(CommandContext context, Settings settings) => string.Join(' ', settings.Text.Concat(Literal(context)));

    // The original span, with invisible characters shown so a soft hyphen inside a word is visible in the output.
    private static string Printable(string span) =>
        string.Concat(span.Select(c => char.IsControl(c) || c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' ? $"<U+{(int)c:X4}>" : c.ToString()));
}
