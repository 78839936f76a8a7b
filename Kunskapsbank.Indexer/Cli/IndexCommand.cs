using Kunskapsbank.Indexer.Corpus;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank index &lt;corpus&gt; [--index mapp]`: syncs the folder into the index and prints a summary.</summary>
internal static class IndexCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = CliOptions.Parse(args, new HashSet<string> { "--index" }, new HashSet<string> { "--tyst", "--quiet" });
        if (options.Error is not null || options.Positional.Count != 1)
        {
            stderr.WriteLine(options.Error ?? "Ange dokumentmappen, till exempel: kunskapsbank index corpus");
            return 2;
        }

        var corpus = options.Positional[0];
        if (!Directory.Exists(corpus))
        {
            stderr.WriteLine($"Dokumentmappen ”{corpus}” finns inte. Kontrollera sökvägen och försök igen.");
            return 1;
        }

        try
        {
            using var index = KunskapsbankIndex.Open(new IndexOptions(options.IndexPath, corpus));
            if (index.WasRebuilt)
            {
                stdout.WriteLine("Indexet hade en äldre version och byggs om från början.");
            }

            foreach (var problem in index.TaxonomyProblems)
            {
                stdout.WriteLine($"Taxonomi: {problem}");
            }

            var quiet = options.Flags.Contains("--tyst") || options.Flags.Contains("--quiet");
            var progress = quiet ? null : new ConsoleProgress(stderr);
            var report = index.Corpus.SyncAll(progress, CancellationToken.None);
            progress?.Finish();
            WriteSummary(report, stdout);
            return 0;
        }
        catch (Index.IndexLockedException ex)
        {
            stderr.WriteLine(ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Indexeringen kunde inte slutföras: {ex.Message}");
            return 1;
        }
    }

    internal static void WriteSummary(SyncReport report, TextWriter stdout)
    {
        stdout.WriteLine($"Klart på {report.Elapsed.TotalSeconds:0.0} s: {report.Indexed} indexerade, {report.Unchanged} oförändrade, {report.Moved} flyttade, {report.Removed} borttagna, {report.Failed.Count} misslyckade.");
        foreach (var failed in report.Failed)
        {
            stdout.WriteLine($"  Misslyckades: {failed.Path} ({failed.Kind}): {failed.Reason}");
        }
    }

    /// <summary>Rewrites one progress line on the terminal, at most a few times a second.</summary>
    private sealed class ConsoleProgress(TextWriter writer) : IProgress<SyncProgress>
    {
        private DateTime _last = DateTime.MinValue;
        private bool _wrote;

        public void Report(SyncProgress value)
        {
            var now = DateTime.UtcNow;
            if ((now - _last).TotalMilliseconds < 250 && value.Done < value.Total)
            {
                return;
            }

            _last = now;
            _wrote = true;
            writer.Write($"\r{value.Done}/{value.Total} {Shorten(value.CurrentPath)}".PadRight(80));
        }

        public void Finish()
        {
            if (_wrote)
            {
                writer.WriteLine();
            }
        }

        private static string Shorten(string? path) => path is null ? string.Empty : path.Length > 60 ? "…" + path[^59..] : path;
    }
}
