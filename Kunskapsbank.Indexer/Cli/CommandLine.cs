using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>The `kunskapsbank` command line: dispatches to one command class per verb.</summary>
public static class CommandLine
{
    /// <summary>Runs the command in <paramref name="args"/> and returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "hjalp" or "hjälp")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            return Dispatch(args[0], args[1..], stdout, stderr, stdin);
        }
        catch (Exception ex) when (ex is InvalidDataException or DirectoryNotFoundException or Index.IndexLockedException)
        {
            // An index folder this program must not touch, one that is missing, or one another process writes to.
            stderr.WriteLine(ex.Message);
            return 1;
        }
    }

    private static int Dispatch(string command, string[] rest, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        switch (command)
        {
            case "index":
                return IndexCommand.Run(rest, stdout, stderr);
            case "search" or "sok" or "sök":
                return SearchCommand.Run(rest, stdout, stderr);
            case "report" or "rapport":
                return ReportCommand.Run(rest, stdout, stderr);
            case "check" or "kontrollera":
                return CheckCommand.Run(rest, stdout, stderr);
            case "analyze":
                return AnalyzeCommand.Run(rest, SwedishAnalyzer.Create, stdout, stderr);
            case "compounds":
                return CompoundsCommand.Run(rest, stdout, stderr);
            case "stem":
                return StemCommand.Run(rest, stdin, stdout, stderr);
            case "extract":
                return ExtractCommand.Run(rest, stdout, stderr);
            default:
                stderr.WriteLine($"Okänt kommando: {command}");
                stderr.WriteLine(Usage);
                return 2;
        }
    }

    private const string Usage = """
        Användning: kunskapsbank <kommando> [argument]

        Kommandon:
          index <dokumentmapp> [--index mapp] [--tyst]
                             läser in nya, ändrade, flyttade och borttagna dokument i indexet
                             (standardindex: mappen data/index)
          search "<fråga>" [--index mapp] [--filter facett=värde]... [--limit N] [--page N]
                 [--sort relevans|nyast] [--json] [--explain]
                             söker: ord (alla måste finnas), "fraser", prefix*, -uteslut, OR, (parenteser),
                             facett:värde i frågan, t.ex. amne:trauma
          report [--index mapp] [--json]
                             visar indexerade dokument med metadata och taggar (och varför), filer
                             som inte kunde indexeras med orsak, och de senaste ändringarna
          check [--index mapp]
                             kontrollerar indexet (Lucenes CheckIndex och att filförteckning, dokument
                             och stycken stämmer överens); slutkod 1 om något är fel
          analyze "<text>"   visar hur texten delas upp i söktermer (term, ord, start, slut,
                             position, om det är en sammansättningsdel eller ett stoppord)
          compounds <ord>... visar hur orden delas i sammansättningsdelar
          compounds --evaluate <fil.tsv>
                             mäter precision och täckning för ordledsdelningen på en testfil
          extract <fil>... [--json]
                             visar vad textutvinningen får ut av filerna: stycken med sida eller
                             rubrik, text tolkad med OCR, anteckningar och tid per fil
          stem [--index]     läser ord från standard in, ett per rad, och skriver ordstammen
                             för varje ord; --index använder projektets undantag i stem-overrides.tsv
        """;
}
