using System.Globalization;

namespace Kunskapsbank.Stress;

/// <summary>The command line: which check and with what sizes.</summary>
public sealed record StressOptions
{
    /// <summary>`all`, `load`, `crash`, `hostile`, `memory` or `nrt`.</summary>
    public required string Command { get; init; }

    /// <summary>The benchmark corpus (make-corpus.py output).</summary>
    public string? Corpus { get; init; }

    /// <summary>queries.txt.</summary>
    public string? Queries { get; init; }

    /// <summary>Documents of the corpus the service checks use (default: all).</summary>
    public int Documents { get; init; } = int.MaxValue;

    /// <summary>Seconds per load phase.</summary>
    public int DurationSeconds { get; init; } = 60;

    /// <summary>Concurrent load clients.</summary>
    public int Clients { get; init; } = 32;

    /// <summary>Seed for every random choice (printed, so a run can be repeated).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>kill -9 count of the crash check.</summary>
    public int Kills { get; init; } = 10;

    /// <summary>Documents taken from the corpus for the crash check.</summary>
    public int CrashDocuments { get; init; } = 2000;

    /// <summary>Adversarial requests.</summary>
    public int Requests { get; init; } = 10_000;

    /// <summary>Files written by the near-real-time check.</summary>
    public int NrtFiles { get; init; } = 50;

    /// <summary>Uncompressed size of the zip bomb.</summary>
    public int ZipBombMb { get; init; } = 1024;

    /// <summary>Size of the big text file.</summary>
    public int LargeTextMb { get; init; } = 60;

    /// <summary>Folder with the problematic files (default: tests/data/stress/problematic).</summary>
    public string? Problematic { get; init; }

    /// <summary>A finished index of the same corpus (and --docs) that the service checks copy instead of indexing.</summary>
    public string? Index { get; init; }

    /// <summary>Scratch folder (default: a new folder under the temp directory, deleted afterwards).</summary>
    public string? Work { get; init; }

    /// <summary>Keep the scratch folder (logs, indexes) after the run.</summary>
    public bool Keep { get; init; }

    /// <summary>Extra settings for the service, e.g. its rate limit.</summary>
    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Användning: dotnet run -c Release --project bench/Kunskapsbank.Stress -- <kontroll> [flaggor]

        Kontroller: all | load | crash | hostile | memory | nrt
          --corpus KATALOG       benchmark-corpus (make-corpus.py); krävs för all, load, memory, nrt och crash
          --queries FIL          frågefil (queries.txt); krävs för all, load och memory
          --docs N               använd bara de N första dokumenten i corpus (alla)
          --duration S           sekunder per lastfas (60)
          --clients N            samtidiga klienter (32)
          --seed N               frö för allt slumpmässigt (42)
          --kills N              antal kill -9 (10)
          --crash-docs N         dokument i kraschkontrollen (2000)
          --requests N           fientliga anrop (10000)
          --nrt-files N          filer i nära-realtidskontrollen (50)
          --zipbomb-mb N         zip-bombens uppackade storlek (1024)
          --large-text-mb N      den stora textfilens storlek (60)
          --problematic KATALOG  problematiska filer (tests/data/stress/problematic)
          --index KATALOG        kopiera ett färdigt index av samma corpus (t.ex. från --keep) i stället för att indexera
          --service-env K=V      extra inställning för tjänsten (upprepbar)
          --work KATALOG         arbetskatalog (ny under /tmp); --keep behåller den
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a Swedish message on bad input.</summary>
    public static StressOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is not ("all" or "load" or "crash" or "hostile" or "memory" or "nrt"))
        {
            throw new ArgumentException("Ange en kontroll: all, load, crash, hostile, memory eller nrt.");
        }

        var options = new StressOptions { Command = args[0] };
        var environment = new Dictionary<string, string>();
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--keep")
            {
                options = options with { Keep = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Flaggan {name} saknar värde.");
            }

            var value = args[++i];
            options = name switch
            {
                "--corpus" => options with { Corpus = Path.GetFullPath(value) },
                "--queries" => options with { Queries = Path.GetFullPath(value) },
                "--docs" => options with { Documents = Number(name, value) },
                "--duration" => options with { DurationSeconds = Number(name, value) },
                "--clients" => options with { Clients = Number(name, value) },
                "--seed" => options with { Seed = Number(name, value) },
                "--kills" => options with { Kills = Number(name, value) },
                "--crash-docs" => options with { CrashDocuments = Number(name, value) },
                "--requests" => options with { Requests = Number(name, value) },
                "--nrt-files" => options with { NrtFiles = Number(name, value) },
                "--zipbomb-mb" => options with { ZipBombMb = Number(name, value) },
                "--large-text-mb" => options with { LargeTextMb = Number(name, value) },
                "--problematic" => options with { Problematic = Path.GetFullPath(value) },
                "--index" => options with { Index = Path.GetFullPath(value) },
                "--work" => options with { Work = Path.GetFullPath(value) },
                "--service-env" => AddEnvironment(options, environment, value),
                _ => throw new ArgumentException($"Okänd flagga: {name}"),
            };
        }

        var needsCorpus = options.Command is "all" or "load" or "memory" or "nrt" or "crash";
        if (needsCorpus && (options.Corpus is null || !Directory.Exists(options.Corpus)))
        {
            throw new ArgumentException("--corpus måste peka på en befintlig katalog.");
        }

        if (options.Index is not null && !Directory.Exists(options.Index))
        {
            throw new ArgumentException("--index måste peka på en befintlig indexkatalog.");
        }

        if (options.Command is "all" or "load" or "memory" && (options.Queries is null || !File.Exists(options.Queries)))
        {
            throw new ArgumentException("--queries måste peka på en befintlig fil.");
        }

        return options;
    }

    private static StressOptions AddEnvironment(StressOptions options, Dictionary<string, string> environment, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException("--service-env skrivs NYCKEL=VÄRDE.");
        }

        environment[value[..equals]] = value[(equals + 1)..];
        return options with { ServiceEnvironment = environment };
    }

    private static int Number(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException($"{name} vill ha ett icke-negativt heltal, inte «{value}».");
}
