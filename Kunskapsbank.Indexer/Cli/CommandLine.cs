using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>The `kunskapsbank` command line on Spectre.Console.Cli: the commands with their Swedish help, and how an
/// error becomes a Swedish message and an exit code (<see cref="ExitCodes"/>).</summary>
public static class CommandLine
{
    /// <summary>One line per command, added to a parse error of that command.</summary>
    private static readonly Dictionary<string, string> Usages = new(StringComparer.Ordinal)
    {
        ["index"] = "kunskapsbank index <dokumentmapp> [--index mapp] [--tyst]",
        ["search"] = "kunskapsbank search \"fråga\" [--filter facett=värde]... [--limit N] [--page N] [--sort relevans|nyast] [--json] [--explain] [--index mapp]",
        ["report"] = "kunskapsbank report [--json] [--index mapp]",
        ["check"] = "kunskapsbank check [--index mapp]",
        ["analyze"] = "kunskapsbank analyze \"text\"",
        ["compounds"] = "kunskapsbank compounds <ord>... | kunskapsbank compounds --evaluate <fil.tsv>",
        ["extract"] = "kunskapsbank extract <fil>... [--json]",
        ["stem"] = "kunskapsbank stem [--index] < ord.txt   (orden läses från standard in, ett per rad)",
    };

    /// <summary>The options that take a value (`stem --index` is a flag and is excepted where it is checked).</summary>
    private static readonly HashSet<string> ValuedOptions = new(StringComparer.Ordinal)
    {
        "--index", "--filter", "--limit", "--page", "--sort", "--corpus", "--evaluate",
    };

    /// <summary>Runs <paramref name="args"/> with streams that are not a terminal (tests, pipes) and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin) =>
        Run(args, CliConsole.Redirected(stdout, stderr, stdin));

    /// <summary>Runs <paramref name="args"/> on <paramref name="console"/> and returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);

        var dashes = Array.IndexOf(args, "--");
        var parsed = dashes < 0 ? args : args[..dashes];
        var invocation = new CliInvocation(console, dashes < 0 ? [] : args[(dashes + 1)..]);

        // No command is a usage error that shows the help; "hjälp" is the Swedish word for --help.
        string[] asked = parsed switch
        {
            [] when dashes < 0 => ["--help"],
            ["hjälp" or "hjalp", .. var rest] => [.. rest, "--help"],
            _ => parsed,
        };
        if (MissingValue(asked) is { } option)
        {
            return UsageError($"Valet {option} behöver ett värde.", console, asked);
        }

        var app = new CommandApp();
        app.Configure(config => Configure(config, invocation, asked));
        var code = app.Run(asked);
        return args.Length == 0 ? ExitCodes.Usage : code;
    }

    // An option that takes a value, written last: Spectre would take a word of its own as the value.
    private static string? MissingValue(string[] args) =>
        args is [var command, .., var last] && ValuedOptions.Contains(last) && !(Canonical(command) == "stem" && last == "--index")
            ? last
            : null;

    private static void Configure(IConfigurator config, CliInvocation invocation, IReadOnlyList<string> args)
    {
        var console = invocation.Console;
        config.SetApplicationName("kunskapsbank");
        config.SetApplicationCulture(CultureInfo.GetCultureInfo("sv-SE"));
        config.ConfigureConsole(console.StandardOutput());
        config.UseStrictParsing();
        config.TrimTrailingPeriods(false);
        config.SetHelpProvider(new ExitCodeHelp(config.Settings));
        config.SetExceptionHandler((error, _) => Fail(error, console, args));

        config.AddCommand<IndexCommand>("index").WithData(invocation)
            .WithDescription("Läser in nya, ändrade, flyttade och borttagna filer i indexet och visar hur långt den har kommit. Tål att avbrytas; nästa körning gör klart.")
            .WithExample("index", "corpus")
            .WithExample("index", "corpus", "--index", "/srv/kb/index");
        config.AddCommand<SearchCommand>("search").WithAlias("sök").WithAlias("sok").WithData(invocation)
            .WithDescription("Söker i indexet och visar träffarna med bästa stycket och sida, och antal per filter.")
            .WithExample("search", "\"hedersrelaterat våld\"", "--filter", "yrkesgrupp=skola")
            .WithExample("search", "\"orosanmälan tandvård\"", "--json")
            .WithExample("search", "--", "\"-polisen våld\"");
        config.AddCommand<ReportCommand>("report").WithAlias("rapport").WithData(invocation)
            .WithDescription("Visar filer som inte kunde indexeras (med skäl), filer som läses med OCR, dokumenten med metadata och taggar (och varför) och de senaste ändringarna.")
            .WithExample("report")
            .WithExample("report", "--json");
        config.AddCommand<CheckCommand>("check").WithAlias("kontrollera").WithData(invocation)
            .WithDescription("Kontrollerar indexet: Lucenes CheckIndex och att filförteckning, dokument och stycken stämmer. Slutkod 1 om något är fel.")
            .WithExample("check", "--index", "data/index");
        config.AddCommand<AnalyzeCommand>("analyze").WithData(invocation)
            .WithDescription("Visar hur en text delas upp i söktermer: term, ord, start, slut, position, sammansättningsdel, stoppord.")
            .WithExample("analyze", "\"Våldsutsatta kvinnor enligt 14 kap. 1 § SoL\"");
        config.AddCommand<CompoundsCommand>("compounds").WithData(invocation)
            .WithDescription("Visar hur ord delas i sammansättningsdelar, eller mäter delningen på en testfil.")
            .WithExample("compounds", "våldsutsatta", "barnäktenskap")
            .WithExample("compounds", "--evaluate", "tests/data/compound/domain-compounds-sv.tsv");
        config.AddCommand<ExtractCommand>("extract").WithData(invocation)
            .WithDescription("Visar vad textutvinningen får ut av filer: stycken med sida eller rubrik, OCR-tolkad text, anteckningar och tid per fil. Rör inget index.")
            .WithExample("extract", "corpus/freda-handbok-2024.pdf");
        config.AddCommand<StemCommand>("stem").WithData(invocation)
            .WithDescription("Läser ord från standard in, ett per rad, och skriver ordstammen för varje ord.")
            .WithExample("stem", "--index");
    }

    // Spectre hands every error here: the command line's (exit 2), the index's or the file system's (exit 1).
    private static int Fail(Exception error, CliConsole console, IReadOnlyList<string> args)
    {
        switch (error)
        {
            case CommandAppException parse:
                return UsageError(CommandLineErrors.Describe(parse, args, CommandOf(args)), console, args);
            case IOException or UnauthorizedAccessException or InvalidDataException:
                // An index another process writes to, a folder that is missing or holds something else.
                console.Error.WriteLine(error.Message);
                return ExitCodes.Failed;
            default:
                console.Error.WriteLine($"Ett oväntat fel stoppade kommandot: {error.Message}");
                return ExitCodes.Failed;
        }
    }

    // The message, then the usage line of the command when it is known; exit code 2.
    private static int UsageError(string message, CliConsole console, IReadOnlyList<string> args)
    {
        console.Error.WriteLine(message);
        if (CommandOf(args) is { } command)
        {
            console.Error.WriteLine($"Användning: {Usages[command]}");
        }

        return ExitCodes.Usage;
    }

    private static string? CommandOf(IReadOnlyList<string> args) =>
        args.FirstOrDefault(a => !a.StartsWith('-')) is { } first && Usages.ContainsKey(Canonical(first)) ? Canonical(first) : null;

    private static string Canonical(string command) => command switch
    {
        "sök" or "sok" => "search",
        "rapport" => "report",
        "kontrollera" => "check",
        _ => command,
    };

    /// <summary>Spectre's help (Swedish headings from its own translation) with the exit codes under the command list.</summary>
    private sealed class ExitCodeHelp(ICommandAppSettings settings) : HelpProvider(settings)
    {
        // Spectre's Swedish translation spells the usage heading "ANVÄNDING"; the section is rendered as plain text
        // and the heading corrected, until the translation is fixed upstream.
        public override IEnumerable<IRenderable> GetUsage(ICommandModel model, ICommandInfo? command)
        {
            using var text = new StringWriter();
            var plain = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(text),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
            });
            plain.Profile.Width = 4096;
            foreach (var part in base.GetUsage(model, command))
            {
                plain.Write(part);
            }

            yield return new Text(text.ToString().Replace("ANVÄNDING:", "ANVÄNDNING:", StringComparison.Ordinal));
        }

        public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
        {
            foreach (var part in base.GetFooter(model, command))
            {
                yield return part;
            }

            if (command is null)
            {
                yield return new Rows(Text.Empty, new Text("SLUTKODER:"));
                yield return new Grid()
                    .AddColumn(new GridColumn { NoWrap = true, Padding = new Padding(4, 0, 2, 0) })
                    .AddColumn()
                    .AddRow($"{ExitCodes.Ok}", "klart (index även när enskilda filer inte kunde läsas: sammanfattningen och report visar dem)")
                    .AddRow($"{ExitCodes.Failed}", "kunde inte genomföras: mappen eller indexet saknas, tjänsten skriver i indexet, check hittade fel")
                    .AddRow($"{ExitCodes.Usage}", "fel i kommandoraden: okänt kommando eller val, ett värde saknas eller har fel form");
            }
        }
    }
}
