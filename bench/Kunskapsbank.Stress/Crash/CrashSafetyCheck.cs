using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Hosting;
using Kunskapsbank.Stress.Reporting;

namespace Kunskapsbank.Stress.Crash;

/// <summary>How the crash check runs.</summary>
/// <param name="SourceCorpus">Markdown corpus to take documents from; null = generate <paramref name="Documents"/> small ones.</param>
/// <param name="Queries">Queries whose answers must match the clean index after recovery.</param>
public sealed record CrashOptions(string? SourceCorpus, int Documents, int Kills, int Seed, IReadOnlyList<string> Queries, TimeSpan RunTimeout);

/// <summary>One kill -9 and the recovery after it.</summary>
/// <param name="Scenario">`ny` (killed while building a new index) or `ändring` (killed while applying corpus changes).</param>
/// <param name="Killed">False when the run finished before the kill point (it then counts as no kill).</param>
public sealed record CrashIteration(
    int Number,
    string Scenario,
    int KillAfterMs,
    bool Killed,
    IntegrityReport AfterKill,
    int ResumeExitCode,
    IntegrityReport AfterResume,
    bool SameDocuments,
    int SameTotals,
    int SameAnswers,
    int Queries,
    int ScoreDrift,
    string? Difference);

/// <summary>The crash check's figures.</summary>
/// <param name="IncrementalEqualsClean">A→B applied incrementally to the index of A gives the same documents and rankings as B built from scratch.</param>
/// <param name="IncrementalScoreDrift">Queries whose scores differ between those two (ranks equal).</param>
public sealed record CrashResult(int Seed, int Documents, double CleanRunSeconds, double IncrementalRunSeconds, bool IncrementalEqualsClean, int IncrementalScoreDrift, IReadOnlyList<CrashIteration> Iterations)
{
    /// <summary>Runs that were really killed mid-way.</summary>
    public int Kills => Iterations.Count(i => i.Killed);

    /// <summary>Iterations where the killed index was inconsistent.</summary>
    public int InconsistentAfterKill => Iterations.Count(i => !i.AfterKill.Consistent);

    /// <summary>Iterations where the resumed index is not complete: inconsistent, other documents, other hit totals, or a failed run.</summary>
    public int IncompleteAfterResume => Iterations.Count(i => !i.AfterResume.Consistent || !i.SameDocuments || i.SameTotals != i.Queries || i.ResumeExitCode != 0);

    /// <summary>Iterations whose top-10 rankings differ from the clean build's (complete, but ranked differently).</summary>
    public int RankingDiffersAfterResume => Iterations.Count(i => i.SameAnswers != i.Queries);

    /// <summary>The table.</summary>
    public TextTable ToTable()
    {
        var table = new TextTable(
            $"Kraschsäkerhet: kill -9 av indexeraren (frö {Seed}, {Documents} dokument, ren körning {CleanRunSeconds:F1} s, ändringskörning {IncrementalRunSeconds:F1} s, inkrementell = ren: {(IncrementalEqualsClean ? "ja" : "NEJ")})",
            "nr", "fall", "dödad efter ms", "dödad", "konsistent efter kill (check)", "slutkörning kod", "konsistent efter", "samma dokument", "samma antal träffar", "samma topp-10", "andra poäng");
        foreach (var i in Iterations)
        {
            table.Row(i.Number, i.Scenario, i.KillAfterMs, i.Killed ? "ja" : "nej (klar före)", i.AfterKill.Exists ? (i.AfterKill.Consistent ? "ja" : "NEJ") : "ja (ingen commit än)",
                i.ResumeExitCode, i.AfterResume.Consistent ? "ja" : "NEJ", i.SameDocuments ? "ja" : "NEJ", $"{i.SameTotals}/{i.Queries}", $"{i.SameAnswers}/{i.Queries}", i.ScoreDrift);
        }

        foreach (var i in Iterations.Where(i => i.Difference is not null || !i.AfterKill.Consistent || !i.AfterResume.Consistent))
        {
            table.Note($"#{i.Number}: " + string.Join("; ", i.AfterKill.Problems.Concat(i.AfterResume.Problems).Append(i.Difference ?? string.Empty)));
        }

        if (IncrementalScoreDrift > 0 || Iterations.Any(i => i.ScoreDrift > 0))
        {
            table.Note($"Poängen skiljer sig från en ren körning: {IncrementalScoreDrift} frågor efter A→B inkrementellt utan kill, {Iterations.Sum(i => i.ScoreDrift)} efter kill och omkörning.");
        }

        return table;
    }

    /// <summary>The figures as a JSON-ready object.</summary>
    public object ToFigures() => new
    {
        seed = Seed,
        documents = Documents,
        kills = Kills,
        iterations = Iterations.Count,
        inconsistent_after_kill = InconsistentAfterKill,
        incomplete_after_resume = IncompleteAfterResume,
        ranking_differs_after_resume = RankingDiffersAfterResume,
        incremental_equals_clean = IncrementalEqualsClean,
        incremental_score_drift_queries = IncrementalScoreDrift,
        score_drift_after_resume_queries = Iterations.Sum(i => i.ScoreDrift),
        clean_run_s = Math.Round(CleanRunSeconds, 1),
    };
}

/// <summary>Kills the indexer with SIGKILL at seeded random points and checks the index after each kill and after the next run.</summary>
/// <remarks>
/// The corpus alternates between two states A and B (B = A with files changed, deleted, moved and added), so kills land
/// both in a fresh build and in an incremental run. Every third iteration starts from no index at all. The reference for
/// each state is a clean build from scratch.
/// </remarks>
public sealed class CrashSafetyCheck(IndexerCli cli, string workDirectory, TextWriter log)
{
    /// <summary>Runs the check.</summary>
    public async Task<CrashResult> RunAsync(CrashOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var stateA = Path.Combine(workDirectory, "tillstand-a");
        var stateB = Path.Combine(workDirectory, "tillstand-b");
        var corpus = Path.Combine(workDirectory, "corpus");
        Directory.CreateDirectory(corpus);
        var inspector = new IndexInspector(cli);
        var documents = PrepareStates(options, stateA, stateB, random);

        // Clean references: A from scratch, B from scratch, and B reached incrementally from A.
        var cleanA = Path.Combine(workDirectory, "ren-a");
        var cleanB = Path.Combine(workDirectory, "ren-b");
        var incremental = Path.Combine(workDirectory, "inkrementell");
        CorpusFolder.MirrorInto(stateA, corpus);
        var runA = await RunToEndAsync(corpus, cleanA, options);
        CorpusFolder.MirrorInto(stateB, corpus);
        var runB = await RunToEndAsync(corpus, cleanB, options);
        CopyIndex(cleanA, incremental);
        var runInc = await RunToEndAsync(corpus, incremental, options);
        var referenceB = IndexInspector.ReadContents(cleanB, corpus, options.Queries);
        var incrementalB = IndexInspector.ReadContents(incremental, corpus, options.Queries);
        CorpusFolder.MirrorInto(stateA, corpus);
        var referenceA = IndexInspector.ReadContents(cleanA, corpus, options.Queries);
        log.WriteLine($"  ren körning A {runA.Elapsed.TotalSeconds:F1} s, B {runB.Elapsed.TotalSeconds:F1} s, A→B {runInc.Elapsed.TotalSeconds:F1} s; {referenceA.DocumentPaths.Count}/{referenceB.DocumentPaths.Count} dokument");
        var incrementalEqualsClean = Describe(referenceB, incrementalB) is null;
        var incrementalScoreDrift = incrementalB.ScoreDrift(referenceB);

        var work = Path.Combine(workDirectory, "arbete");
        var iterations = new List<CrashIteration>();
        for (var number = 1; number <= options.Kills; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var toB = number % 2 == 0;
            var fresh = number % 3 == 1;
            CorpusFolder.MirrorInto(toB ? stateB : stateA, corpus);
            if (fresh)
            {
                DeleteIndex(work);
            }

            var expected = fresh ? (toB ? runB.Elapsed : runA.Elapsed) : runInc.Elapsed;
            var killAfter = TimeSpan.FromMilliseconds(expected.TotalMilliseconds * (0.05 + (0.9 * random.NextDouble())));
            bool killed;
            using (var child = cli.StartIndex(corpus, work))
            {
                killed = !await child.WaitForExitAsync(killAfter);
                child.Kill();
                await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
            }

            var afterKill = await inspector.CheckIntegrityAsync(work);
            var resume = await RunToEndAsync(corpus, work, options);
            var afterResume = await inspector.CheckIntegrityAsync(work);
            var contents = IndexInspector.ReadContents(work, corpus, options.Queries);
            var reference = toB ? referenceB : referenceA;
            var difference = Describe(reference, contents);
            var iteration = new CrashIteration(
                number,
                fresh ? "ny" : "ändring",
                (int)killAfter.TotalMilliseconds,
                killed,
                afterKill,
                resume.ExitCode,
                afterResume,
                contents.DocumentPaths.SequenceEqual(reference.DocumentPaths, StringComparer.Ordinal),
                contents.Answers.Zip(reference.Answers).Count(p => Total(p.First) == Total(p.Second)),
                contents.Answers.Zip(reference.Answers).Count(p => p.First == p.Second),
                options.Queries.Count,
                contents.ScoreDrift(reference),
                difference);
            iterations.Add(iteration);
            log.WriteLine($"  kill {number}: {(killed ? "dödad" : "klar före")} efter {iteration.KillAfterMs} ms, konsistent {afterKill.Consistent}, efter omkörning konsistent {afterResume.Consistent}, samma dokument {iteration.SameDocuments}, samma antal {iteration.SameTotals}/{iteration.Queries}, samma topp-10 {iteration.SameAnswers}/{iteration.Queries}");
        }

        return new CrashResult(options.Seed, documents, runA.Elapsed.TotalSeconds, runInc.Elapsed.TotalSeconds, incrementalEqualsClean, incrementalScoreDrift, iterations);
    }

    private async Task<IndexRun> RunToEndAsync(string corpus, string index, CrashOptions options)
    {
        var run = await cli.RunIndexAsync(corpus, index, options.RunTimeout);
        if (run.ExitCode != 0)
        {
            log.WriteLine($"  indexeringen gav kod {run.ExitCode}: {run.Tail}");
        }

        return run;
    }

    private static int PrepareStates(CrashOptions options, string stateA, string stateB, Random random)
    {
        Directory.CreateDirectory(stateA);
        var count = options.SourceCorpus is null
            ? MarkdownDocument.WriteCorpus(stateA, options.Documents, new MarkerWords(options.Seed)).Count
            : CorpusFolder.Copy(options.SourceCorpus, stateA, options.Documents);
        CorpusFolder.Copy(stateA, stateB);
        var files = CorpusFolder.List(stateB).ToList();
        var share = Math.Max(1, files.Count / 30);
        var picked = files.OrderBy(_ => random.Next()).ToList();
        foreach (var changed in picked.Take(share * 2))
        {
            File.AppendAllText(Path.Combine(stateB, changed), "\n\n## Tillägg\n\nEtt nytt stycke om skyddat boende och uppföljning av insatser.\n");
        }

        foreach (var deleted in picked.Skip(share * 2).Take(share))
        {
            File.Delete(Path.Combine(stateB, deleted));
        }

        foreach (var moved in picked.Skip(share * 3).Take(share))
        {
            var to = Path.Combine(stateB, "flyttade", Path.GetFileName(moved));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Move(Path.Combine(stateB, moved), to);
        }

        var markers = new MarkerWords(options.Seed + 1);
        for (var i = 0; i < share; i++)
        {
            var path = Path.Combine(stateB, "nya", $"nytt-{i:D4}.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, MarkdownDocument.Create(10_000 + i, markers.Next()));
        }

        return count;
    }

    private static string? Describe(IndexContents expected, IndexContents actual)
    {
        if (!expected.DocumentPaths.SequenceEqual(actual.DocumentPaths, StringComparer.Ordinal))
        {
            var missing = expected.DocumentPaths.Except(actual.DocumentPaths, StringComparer.Ordinal).Take(3);
            var extra = actual.DocumentPaths.Except(expected.DocumentPaths, StringComparer.Ordinal).Take(3);
            return $"dokument: {actual.DocumentPaths.Count} mot {expected.DocumentPaths.Count} (saknas: {string.Join(", ", missing)}; extra: {string.Join(", ", extra)})";
        }

        for (var i = 0; i < expected.Answers.Count; i++)
        {
            if (expected.Answers[i] != actual.Answers[i])
            {
                return $"svar {i}: {Shorten(actual.Answers[i])} mot {Shorten(expected.Answers[i])}";
            }
        }

        return null;
    }

    private static string Total(string answer) => answer.Split('|', 2)[0];

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static void CopyIndex(string from, string to)
    {
        DeleteIndex(to);
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from).Where(f => Path.GetFileName(f) != "write.lock"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static void DeleteIndex(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
