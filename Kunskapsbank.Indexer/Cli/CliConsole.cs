using Spectre.Console;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>Where a command reads and writes, and what those streams are: a terminal gets live progress and may get
/// colour; a pipe, a file or a CI log gets plain lines and no escape codes.</summary>
/// <param name="OutIsTerminal">Standard output is an interactive terminal (not redirected, TERM is not `dumb`).</param>
/// <param name="ErrorIsTerminal">Standard error is an interactive terminal.</param>
/// <param name="NoColor">The user asked for no colour (the NO_COLOR convention, https://no-color.org).</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, bool OutIsTerminal, bool ErrorIsTerminal, bool NoColor)
{
    /// <summary>The width that tables are laid out in when the output is not a terminal.</summary>
    public const int PlainWidth = 80;

    /// <summary>Streams that are not terminals (tests, pipes): plain text, 80 columns, no colour.</summary>
    public static CliConsole Redirected(TextWriter stdout, TextWriter stderr, TextReader stdin) => new(stdout, stderr, stdin, false, false, true);

    /// <summary>The process's own console, with what the environment says about it.</summary>
    public static CliConsole FromProcess()
    {
        var dumb = string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        return new CliConsole(
            Console.Out,
            Console.Error,
            Console.In,
            !dumb && !Console.IsOutputRedirected,
            !dumb && !Console.IsErrorRedirected,
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
    }

    /// <summary>A Spectre console over standard output.</summary>
    public IAnsiConsole StandardOutput() => Create(Out, OutIsTerminal);

    /// <summary>A Spectre console over standard error (where progress goes, so standard output stays the result).</summary>
    public IAnsiConsole StandardError() => Create(Error, ErrorIsTerminal);

    private IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),

            // A terminal needs escape codes to redraw a progress bar even without colour; anything else gets none.
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal && !NoColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
