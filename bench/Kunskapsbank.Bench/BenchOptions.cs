namespace Kunskapsbank.Bench;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions(
    string CorpusPath,
    string QueriesPath,
    string IndexPath,
    bool ReuseIndex,
    bool KeepIndex,
    int Rounds,
    int Repeats,
    int Threads,
    IReadOnlyList<int> IndexThreads,
    bool IndexOnly,
    int WarmUpSeconds,
    string? AnchorPath,
    string? DumpPath)
{
    public const string Usage = """
        Användning: dotnet run -c Release --project bench/Kunskapsbank.Bench -- --corpus KATALOG --queries FIL [flaggor]

          --corpus KATALOG     korpus att indexera (t.ex. från make-corpus.py)
          --queries FIL        en fråga per rad; `facett:värde` blir filter
          --index MAPP         indexmapp som behålls efteråt (standard: en temporär mapp som tas bort)
          --reuse-index        indexera inte om; mät bara frågor mot --index
          --rounds N           varv över frågorna per läge för svarstiderna (standard 20, som Lucene-referensen)
          --repeat N           indexera N gånger, var gång i en ny process, och mät lägena N gånger, om vartannat
                               (topp 10, facetter, hel sida, topp 10 …); skriv medianen av varje mått, som
                               Lucene-referensens RUNS=N (standard 1)
          --threads N          största antal trådar för genomströmning (standard 2)
          --index-threads L    trådar som förbereder dokument vid indexeringen, t.ex. 1,2: en indexering per värde,
                               frågorna mäts mot den sista (standard: antalet kärnor)
          --index-only         mät bara indexeringen
          --warmup-seconds N   uppvärmning före mätningen, minst 5 varv (standard 30, som Lucene-referensen)
          --anchor FIL         Lucene 8.8-referensens results-<N>.json: skriv kvoterna mot den
          --dump-answers FIL   skriv varje frågas hela svar som JSON-rader (för att jämföra två byggen) och mät inget
        """;

    public static BenchOptions? Parse(string[] args, TextWriter error)
    {
        string? corpus = null, queries = null, index = null, anchor = null, dump = null;
        var reuse = false;
        var rounds = 20;
        var repeats = 1;
        var threads = 2;
        var indexThreads = new List<int> { Math.Max(1, Environment.ProcessorCount) };
        var indexOnly = false;
        var warmUp = 30;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Värde saknas efter {args[i]}.");
            switch (args[i])
            {
                case "--corpus": corpus = Next(); break;
                case "--queries": queries = Next(); break;
                case "--index": index = Next(); break;
                case "--reuse-index": reuse = true; break;
                case "--rounds": rounds = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--repeat": repeats = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--index-threads":
                    indexThreads = [.. Next().Split(',').Select(t => Math.Max(1, int.Parse(t, System.Globalization.CultureInfo.InvariantCulture)))];
                    break;
                case "--index-only": indexOnly = true; break;
                case "--warmup-seconds": warmUp = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--anchor": anchor = Next(); break;
                case "--dump-answers": dump = Next(); break;
                default:
                    error.WriteLine($"Okänd flagga: {args[i]}");
                    return null;
            }
        }

        if (corpus is null || queries is null)
        {
            error.WriteLine(Usage);
            return null;
        }

        if (anchor is not null && !File.Exists(anchor))
        {
            error.WriteLine($"Referensfilen {anchor} finns inte. Kör först bench/lucene-anchor/run.sh (den skriver results-<N>.json).");
            return null;
        }

        return new BenchOptions(
            Path.GetFullPath(corpus),
            Path.GetFullPath(queries),
            Path.GetFullPath(index ?? Path.Combine(Path.GetTempPath(), $"kunskapsbank-bench-{Environment.ProcessId}")),
            reuse,
            index is not null,
            Math.Max(1, rounds),
            Math.Max(1, repeats),
            Math.Max(1, threads),
            indexThreads,
            indexOnly,
            Math.Max(0, warmUp),
            anchor is null ? null : Path.GetFullPath(anchor),
            dump is null ? null : Path.GetFullPath(dump));
    }
}
