using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Extraction.Ocr;

/// <summary>Reads scanned PDF pages with Tesseract and its Swedish model: each page is rendered by poppler's
/// <c>pdftoppm</c> and read by <c>tesseract</c>, each in its own child process with a time and a memory limit, so one
/// bad page never stops the others. Reports progress per page and stops between pages when cancelled or past the
/// deadline.</summary>
/// <remarks>Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): on the 2-core machine one page took 3.9 s that way and
/// 16.4 s with OpenMP's default threads while other builds ran. Pages are read one after another for the same reason.</remarks>
/// <param name="runner">Starts the child processes.</param>
/// <param name="workFolder">Where page images are written while a file is read (a fresh subfolder per call, deleted
/// after it); the system temp folder when null.</param>
public sealed class PdfOcr(ProcessRunner runner, string? workFolder = null)
{
    /// <summary>The report line when Tesseract or its Swedish model is not installed.</summary>
    public const string ToolsMissing = "PDF-filen innehåller inskannade sidor utan text. De kan läsas med OCR (textigenkänning) när verktyget tesseract och dess svenska språkmodell finns på servern (Debian-paketen tesseract-ocr och tesseract-ocr-swe). Be den som sköter tjänsten att installera dem.";

    private static readonly Dictionary<string, string> SingleThread = new() { ["OMP_THREAD_LIMIT"] = "1" };

    // Rendering and reading one page takes 2–10 s here; less than this left is not worth starting.
    private static readonly TimeSpan MinimumPageTime = TimeSpan.FromSeconds(3);

    private readonly Lazy<bool> _available = new(() => Check(runner));

    /// <summary>True when tesseract, its Swedish model and pdftoppm are installed.</summary>
    public bool IsAvailable => _available.Value;

    /// <summary>Reads <paramref name="pages"/> of <paramref name="pdfPath"/> in order; a page that fails gets its reason,
    /// pages after the deadline are not started (they are missing from the result).</summary>
    /// <exception cref="OperationCanceledException">Cancelled; the page being read is stopped at once.</exception>
    public IReadOnlyList<OcrPageResult> Read(
        string pdfPath,
        IReadOnlyList<OcrPageRequest> pages,
        OcrSettings settings,
        IProgress<OcrProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(settings);
        var fullPath = Path.GetFullPath(pdfPath);
        var folder = Path.Combine(workFolder ?? Path.Combine(Path.GetTempPath(), "kunskapsbank-ocr"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var results = new List<OcrPageResult>(pages.Count);
            for (var i = 0; i < pages.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A page gets its own limit, or what is left before the deadline; a page with almost nothing left is not started.
                var pageTimeout = settings.Deadline is { } deadline ? Min(settings.PageTimeout, deadline - DateTimeOffset.UtcNow) : settings.PageTimeout;
                if (pageTimeout < MinimumPageTime)
                {
                    break;
                }

                progress?.Report(new OcrProgress(i, pages.Count, pages[i].Page));
                results.Add(ReadPage(fullPath, pages[i], settings with { PageTimeout = pageTimeout }, folder, cancellationToken));
            }

            progress?.Report(new OcrProgress(results.Count, results.Count, results.Count > 0 ? results[^1].Page : 0));
            return results;
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private OcrPageResult ReadPage(string pdfPath, OcrPageRequest page, OcrSettings settings, string folder, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var image = Path.Combine(folder, page.Page.ToString(CultureInfo.InvariantCulture));
        var pageText = page.Page.ToString(CultureInfo.InvariantCulture);
        var dpi = Resolution(page, settings);
        var render = runner.Run(
            "pdftoppm",
            ["-f", pageText, "-l", pageText, "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile", pdfPath, image],
            settings.PageTimeout,
            64 * 1024,
            cancellationToken,
            settings.MaxMemoryBytes,
            lowPriority: settings.LowPriority);
        image += ".png";
        var renderProblem = Problem(render, page.Page, settings) ?? (File.Exists(image) ? null : Unreadable(page.Page));
        if (renderProblem is not null)
        {
            return new OcrPageResult(page.Page, null, renderProblem);
        }

        var remaining = settings.PageTimeout - clock.Elapsed;
        var read = runner.Run(
            "tesseract",
            [image, "stdout", "-l", settings.Language, "tsv"],
            remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1),
            16 * 1024 * 1024,
            cancellationToken,
            settings.MaxMemoryBytes,
            SingleThread,
            settings.LowPriority);
        TryDelete(image);
        if (Problem(read, page.Page, settings) is { } readProblem)
        {
            return new OcrPageResult(page.Page, null, readProblem);
        }

        var layout = TesseractTsv.Parse(read.StandardOutput, page.Page, settings.MinConfidence);
        return new OcrPageResult(page.Page, layout, null);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static int Resolution(OcrPageRequest page, OcrSettings settings)
    {
        // A page that claims to be 5 m wide would render to gigapixels: cap the longer side instead of failing.
        var longest = Math.Max(page.WidthPoints, page.HeightPoints) / 72.0;
        return longest <= 0 ? settings.Dpi : Math.Clamp((int)(settings.MaxPixels / longest), 1, settings.Dpi);
    }

    private static string? Problem(ProcessOutcome outcome, int page, OcrSettings settings)
    {
        if (outcome.TimedOut)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Sida {page} kunde inte läsas med OCR inom tidsgränsen ({settings.PageTimeout.TotalSeconds:0} sekunder).");
        }

        if (outcome.OutOfMemory)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Sida {page} krävde mer minne än gränsen ({settings.MaxMemoryBytes / (1024 * 1024)} MB) för OCR och hoppades över.");
        }

        return outcome.ExitCode != 0 ? Unreadable(page) : null;
    }

    private static string Unreadable(int page) =>
        string.Create(CultureInfo.InvariantCulture, $"Sida {page} kunde inte läsas med OCR (bilden är skadad eller i ett format som inte stöds).");

    private static bool Check(ProcessRunner runner)
    {
        if (ProcessRunner.Find("pdftoppm") is null || ProcessRunner.Find("tesseract") is null)
        {
            return false;
        }

        try
        {
            var languages = runner.Run("tesseract", ["--list-langs"], TimeSpan.FromSeconds(20), 64 * 1024, CancellationToken.None);
            return (languages.StandardOutput + "\n" + languages.StandardError).Split('\n').Any(line => line.Trim() == "swe");
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // A leftover temp file is cleaned by the system; not worth failing the page for.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
