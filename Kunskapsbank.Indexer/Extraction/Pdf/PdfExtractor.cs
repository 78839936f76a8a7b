using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Kunskapsbank.Indexer.Extraction.Ocr;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>PDF through poppler's pdfinfo and <c>pdftotext -bbox-layout</c> (child processes with time and memory
/// limits), cleaned page by page into paragraph passages; scanned pages (no text, but images) are read by OCR.</summary>
/// <remarks>
/// Why the bbox output and not plain text: plain pdftotext joins hyphenated lines itself ("hälso-" + "och" becomes
/// "hälsooch"), reads a side-by-side "nuvarande/föreslagen lydelse" table across both columns, and gives no position
/// to tell a running header from a heading. The bbox output keeps poppler's reading order (the same flows and blocks)
/// and adds a box to every word. Why not PdfPig: see ARCHITECTURE.md (a hostile PDF can end the whole process).
/// </remarks>
public sealed class PdfExtractor : ITextExtractor
{
    private const string Damaged = "PDF-filen är skadad eller ofullständig (till exempel en avbruten nedladdning) och kunde inte läsas. Spara eller ladda ner den på nytt.";
    private const string Password = "PDF-filen är skyddad med lösenord och kan inte läsas. Spara en version utan lösenord (ett lösenord som bara hindrar ändringar går bra).";
    private const string OnlyImages = "PDF-filen innehåller bara bilder (till exempel inskannade sidor) och ingen text. Den behöver OCR (textigenkänning) innan den kan sökas.";

    private readonly ProcessRunner _runner;
    private readonly PdfOcr _ocr;

    /// <summary>Uses <paramref name="runner"/> to start pdfinfo, pdftotext, pdfimages and the OCR tools.</summary>
    public PdfExtractor(ProcessRunner runner)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _ocr = new PdfOcr(runner);
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    /// <inheritdoc />
    /// <remarks>Scanned pages are read at once within the file's time limit, or only listed (<see cref="ExtractedDocument.ScannedPages"/>)
    /// when <see cref="ExtractionLimits.DeferOcr"/> is set.</remarks>
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Extract(path, limits, limits.DeferOcr ? OcrRun.Deferred : OcrRun.WithinTimeLimit, null, cancellationToken);
    }

    /// <summary>Extracts the file and reads every scanned page by OCR (up to <see cref="ExtractionLimits.MaxOcrPages"/>), each
    /// page under its own time limit but not the file's, at low CPU priority: the background OCR queue's call.</summary>
    /// <param name="progress">Told before each page and when all are read.</param>
    /// <exception cref="OperationCanceledException">Cancelled (the file changed or the service stops); the page being
    /// read is stopped at once.</exception>
    public ExtractionResult ExtractReadingScans(string path, ExtractionLimits limits, IProgress<OcrProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Extract(path, limits, OcrRun.Background, progress, cancellationToken);
    }

    private ExtractionResult Extract(string path, ExtractionLimits limits, OcrRun run, IProgress<OcrProgress>? progress, CancellationToken cancellationToken)
    {
        if (InputChecks.CheckSize(path, limits) is { } failure)
        {
            return failure;
        }

        var head = FileSniffer.ReadHead(path);
        if (!FileSniffer.IsPdf(head))
        {
            return InputChecks.NotItsFormat(
                head,
                "Filen heter .pdf men är ingen PDF-fil (den saknar PDF-filens inledning %PDF-).",
                looksLike => $"Filen heter .pdf men är ingen PDF-fil; den ser ut att vara {looksLike}.");
        }

        // A full path never starts with "-", so no file name can be mistaken for an option.
        var fullPath = Path.GetFullPath(path);
        var clock = Stopwatch.StartNew();
        ProcessOutcome info;
        try
        {
            info = _runner.Run("pdfinfo", ["-enc", "UTF-8", "-isodates", fullPath], limits.Timeout, 1024 * 1024, cancellationToken, limits.MaxToolMemoryBytes);
        }
        catch (Win32Exception)
        {
            return ExtractionResult.Fail(
                ExtractionFailureKind.Unreadable,
                "PDF-verktygen (pdfinfo och pdftotext i paketet poppler-utils) saknas på servern. Be den som sköter tjänsten att installera dem.");
        }

        if (Classify(info, limits) is { } infoFailure)
        {
            return infoFailure;
        }

        var properties = PdfInfo.Parse(info.StandardOutput);
        if (properties.PageCount == 0)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Empty, "PDF-filen har inga sidor.");
        }

        var counter = new CharCounter();
        List<PdfPageLayout> pages = [];
        var text = _runner.Stream(
            "pdftotext",
            ["-enc", "UTF-8", "-bbox-layout", fullPath, "-"],
            Remaining(limits.Timeout, clock),
            reader => pages = BboxLayoutReader.ReadPages(reader, limits.MaxTextChars, counter).ToList(),
            cancellationToken,
            limits.MaxToolMemoryBytes);
        if (Classify(text, limits) is { } textFailure)
        {
            return textFailure;
        }

        var builder = new PassageBuilder(limits.MaxTextChars);
        if (counter.Capped)
        {
            builder.Note(PassageNotes.TextCut(limits.MaxTextChars));
        }

        var scanned = ReadScannedPages(fullPath, pages, limits, clock, builder, run, progress, cancellationToken);
        var paragraphs = PdfPageCleaner.Clean(pages, cancellationToken);
        for (var i = 0; i < pages.Count; i++)
        {
            builder.AddParagraphs(paragraphs[i], pages[i].Number, [], pages[i].IsOcr);
        }

        properties = properties with { PageCount = properties.PageCount ?? pages.Count };
        if (scanned.Left.Count > 0)
        {
            // Listed for the background queue: the text pages (if any) are searchable now, the scanned ones when read.
            return ExtractionResult.Success(builder.Build(properties) with { ScannedPages = scanned.Left });
        }

        if (builder.Count == 0)
        {
            return scanned.State switch
            {
                ScannedPages.None => ExtractionResult.Fail(ExtractionFailureKind.Empty, "PDF-filen innehåller ingen text; sidorna är tomma."),
                ScannedPages.ToolsMissing => ExtractionResult.Fail(ExtractionFailureKind.NeedsOcr, PdfOcr.ToolsMissing),
                ScannedPages.NotRead => ExtractionResult.Fail(ExtractionFailureKind.NeedsOcr, OnlyImages),
                _ => ExtractionResult.Fail(ExtractionFailureKind.NeedsOcr, OnlyImages + " OCR kunde inte läsa någon text på sidorna."),
            };
        }

        return ExtractionResult.Success(builder.Build(properties));
    }

    /// <summary>OCR for pages without text that hold an image, as many as the page limit (and, within a file's extraction,
    /// the time limit) allow; the layouts in <paramref name="pages"/> are replaced by what OCR read. A deferred run reads
    /// nothing and returns the pages left to read.</summary>
    private (ScannedPages State, IReadOnlyList<OcrPageRequest> Left) ReadScannedPages(
        string fullPath,
        List<PdfPageLayout> pages,
        ExtractionLimits limits,
        Stopwatch clock,
        PassageBuilder builder,
        OcrRun run,
        IProgress<OcrProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (!pages.Any(p => p.IsEmpty))
        {
            return (ScannedPages.None, []);
        }

        var withImages = PdfImages.Pages(_runner, fullPath, Remaining(limits.Timeout, clock), limits.MaxToolMemoryBytes, cancellationToken);
        var scanned = pages.Where(p => p.IsEmpty && (withImages?.Contains(p.Number) ?? PdfImages.Contains(fullPath, cancellationToken))).ToList();
        if (scanned.Count == 0)
        {
            return (ScannedPages.None, []);
        }

        if (!_ocr.IsAvailable)
        {
            builder.Note(PdfOcr.ToolsMissing);
            return (ScannedPages.ToolsMissing, []);
        }

        var requests = scanned.Take(Math.Max(0, limits.MaxOcrPages)).Select(p => new OcrPageRequest(p.Number, p.Width, p.Height)).ToList();
        if (run == OcrRun.Deferred && requests.Count > 0)
        {
            return (ScannedPages.NotRead, requests);
        }

        // Within a file's extraction OCR ends a little before its time limit, so what was read is kept rather than the
        // file timed out; in the background each page has only its own limit.
        var settings = new OcrSettings(
            limits.OcrPageTimeoutOrDefault,
            limits.MaxOcrMemoryBytes,
            run == OcrRun.Background ? null : DateTimeOffset.UtcNow + Remaining(limits.Timeout * 0.9, clock),
            LowPriority: run == OcrRun.Background);
        var results = _ocr.Read(fullPath, requests, settings, progress, cancellationToken);
        foreach (var result in results)
        {
            if (result.Layout is { } layout)
            {
                pages[pages.FindIndex(p => p.Number == result.Page)] = layout;
            }
            else if (result.Problem is { } problem)
            {
                builder.Note(problem);
            }
        }

        if (results.Count < scanned.Count)
        {
            var firstUnread = scanned[results.Count].Number;
            var pageLimit = string.Create(CultureInfo.InvariantCulture, $"{limits.MaxOcrPages} {(limits.MaxOcrPages == 1 ? "sida" : "sidor")}");
            var limit = run == OcrRun.Background
                ? $"gränsen är {pageLimit} per fil"
                : string.Create(CultureInfo.InvariantCulture, $"gränsen är {pageLimit} och {limits.Timeout.TotalSeconds:0} sekunder per fil");
            builder.Note(string.Create(
                CultureInfo.InvariantCulture,
                $"{scanned.Count} sidor är inskannade; {results.Count} lästes med OCR. Sidorna från och med sida {firstUnread} är inte sökbara ännu ({limit})."));
        }

        return (results.Count == 0 ? ScannedPages.NotRead : ScannedPages.Read, []);
    }

    private static TimeSpan Remaining(TimeSpan limit, Stopwatch clock)
    {
        var remaining = limit - clock.Elapsed;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1);
    }

    private static ExtractionResult? Classify(ProcessOutcome outcome, ExtractionLimits limits)
    {
        if (outcome.TimedOut)
        {
            return InputChecks.TookTooLong("PDF-filen", limits);
        }

        if (outcome.OutOfMemory)
        {
            return ExtractionResult.Fail(
                ExtractionFailureKind.TooLarge,
                $"PDF-filen krävde mer minne än gränsen ({InputChecks.Megabytes(limits.MaxToolMemoryBytes)}) när den lästes och hoppades över.");
        }

        if (outcome.StandardError.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase))
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Encrypted, Password);
        }

        if (outcome.StandardError.Contains("Invalid page count 0", StringComparison.Ordinal))
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Empty, "PDF-filen har inga sidor.");
        }

        if (outcome.ExitCode != 0 && !outcome.OutputCapped)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Corrupt, Damaged);
        }

        return null;
    }

    /// <summary>When scanned pages are read.</summary>
    private enum OcrRun
    {
        /// <summary>Now, within the file's time limit.</summary>
        WithinTimeLimit,

        /// <summary>Not now: listed for the background queue.</summary>
        Deferred,

        /// <summary>Now, every page under its own limit only, at low priority (the background queue).</summary>
        Background,
    }

    private enum ScannedPages
    {
        None,
        ToolsMissing,
        NotRead,
        Read,
    }
}

/// <summary>Finds out whether a PDF without text has pictures (a scan) rather than blank pages.</summary>
public static class PdfImages
{
    /// <summary>Page numbers that draw at least one image or image mask (a scan), from <c>pdfimages -list</c>; null
    /// when the tool could not tell.</summary>
    public static HashSet<int>? Pages(ProcessRunner runner, string fullPath, TimeSpan timeout, long maxMemoryBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ProcessOutcome outcome;
        try
        {
            outcome = runner.Run("pdfimages", ["-list", fullPath], timeout, 4 * 1024 * 1024, cancellationToken, maxMemoryBytes);
        }
        catch (Win32Exception)
        {
            return null;
        }

        if (outcome.ExitCode != 0)
        {
            return null;
        }

        // "page num type width height …": soft masks and masks belong to another image on the page.
        var pages = new HashSet<int>();
        foreach (var line in outcome.StandardOutput.Split('\n').Skip(2))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length > 2 && cells[2] is "image" or "stencil" && int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var page))
            {
                pages.Add(page);
            }
        }

        return pages;
    }

    /// <summary>True when the file declares an image object (<c>/Image</c> XObject or inline image procset).</summary>
    /// <remarks>An image XObject is a stream, and streams are never packed into object streams, so its dictionary is
    /// plain bytes in the file. Read in chunks: bounded memory for any file size.</remarks>
    public static bool Contains(string path, CancellationToken cancellationToken)
    {
        var needle = "/Image"u8;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var carry = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = stream.Read(buffer, carry, buffer.Length - carry);
            if (read == 0)
            {
                return false;
            }

            var length = carry + read;
            if (buffer.AsSpan(0, length).IndexOf(needle) >= 0)
            {
                return true;
            }

            // Keep the tail so a needle split between two chunks is still found.
            carry = Math.Min(needle.Length - 1, length);
            buffer.AsSpan(length - carry, carry).CopyTo(buffer);
        }
    }
}
