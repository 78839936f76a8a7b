using Kunskapsbank.Indexer.Corpus;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank index &lt;corpus&gt; [--index mapp] [--utan-ocr]`: syncs the folder into the index, waits for the OCR
/// of scanned pages (unless --utan-ocr) so the index is complete, and prints a summary.</summary>
internal static class IndexCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = CliOptions.Parse(args, new HashSet<string> { "--index" }, new HashSet<string> { "--tyst", "--quiet", "--utan-ocr" });
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
            var withOcr = !options.Flags.Contains("--utan-ocr");
            using var index = KunskapsbankIndex.Open(new IndexOptions(options.IndexPath, corpus) { RunOcr = withOcr });
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
            if (report.WaitingForOcr > 0)
            {
                WaitForOcr(index, report, withOcr, quiet, stdout, stderr);
            }

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
        stdout.WriteLine($"Klart på {report.Elapsed.TotalSeconds:0.0} s: {report.Indexed} indexerade, {report.Unchanged} oförändrade, {report.Moved} flyttade, {report.Removed} borttagna, {report.Failed.Count} misslyckade{(report.WaitingForOcr > 0 ? $", {report.WaitingForOcr} väntar på OCR" : string.Empty)}.");
        foreach (var failed in report.Failed)
        {
            stdout.WriteLine($"  Misslyckades: {failed.Path} ({failed.Kind}): {failed.Reason}");
        }
    }

    // The sync handed scanned PDFs to the background OCR; index leaves a complete index, so it waits for them.
    private static void WaitForOcr(KunskapsbankIndex index, SyncReport report, bool withOcr, bool quiet, TextWriter stdout, TextWriter stderr)
    {
        if (!withOcr)
        {
            stdout.WriteLine($"{report.WaitingForOcr} {(report.WaitingForOcr == 1 ? "fil" : "filer")} med inskannade sidor väntar på OCR (--utan-ocr). De blir sökbara när index körs utan --utan-ocr eller när tjänsten startar.");
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var line = quiet ? null : new ConsoleLine(stderr);
        index.Ocr.WaitUntilIdle(line is null ? null : new OcrLine(line), CancellationToken.None);
        line?.Finish();
        var done = index.Ocr.Status();
        stdout.WriteLine($"OCR klar på {clock.Elapsed.TotalSeconds:0.0} s: {done.FilesRead} {(done.FilesRead == 1 ? "fil" : "filer")}, {done.PagesRead} {(done.PagesRead == 1 ? "sida" : "sidor")} lästa. Se kunskapsbank report för sidor som inte gick att läsa.");
    }

    /// <summary>"OCR: rapport.pdf, OCR pågår, sida 3 av 12 (2 filer till)" on the progress line.</summary>
    private sealed class OcrLine(ConsoleLine line) : IProgress<BackgroundOcrStatus>
    {
        public void Report(BackgroundOcrStatus value)
        {
            if (value.Files.Count > 0)
            {
                var current = value.Files[0];
                var more = value.Files.Count - 1;
                line.Write($"OCR: {ConsoleLine.Shorten(current.Path)}, {current.Progress.Message}{(more > 0 ? $" ({more} {(more == 1 ? "fil" : "filer")} till)" : string.Empty)}", force: false);
            }
        }
    }

    /// <summary>The sync's "12/40 mapp/fil.pdf" on the progress line.</summary>
    private sealed class ConsoleProgress(TextWriter writer) : IProgress<SyncProgress>
    {
        private readonly ConsoleLine _line = new(writer);

        public void Report(SyncProgress value) => _line.Write($"{value.Done}/{value.Total} {ConsoleLine.Shorten(value.CurrentPath)}", force: value.Done >= value.Total);

        public void Finish() => _line.Finish();
    }

    /// <summary>Rewrites one progress line on the terminal, at most a few times a second.</summary>
    private sealed class ConsoleLine(TextWriter writer)
    {
        private DateTime _last = DateTime.MinValue;
        private string? _text;
        private bool _wrote;

        public static string Shorten(string? path) => path is null ? string.Empty : path.Length > 60 ? "…" + path[^59..] : path;

        public void Write(string text, bool force)
        {
            var now = DateTime.UtcNow;
            if (text == _text || ((now - _last).TotalMilliseconds < 250 && !force))
            {
                return;
            }

            _last = now;
            _text = text;
            _wrote = true;
            writer.Write($"\r{text}".PadRight(80));
        }

        public void Finish()
        {
            if (_wrote)
            {
                writer.WriteLine();
            }
        }
    }
}
