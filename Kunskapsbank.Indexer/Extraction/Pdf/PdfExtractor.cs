using System.ComponentModel;
using System.Diagnostics;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>PDF through poppler's pdfinfo and pdftotext, one passage per page.</summary>
/// <remarks>pdftotext runs in its default reading order, not <c>-layout</c>: on the test files -layout interleaves
/// two-column text line by line, while the default keeps each column together and already mends most hyphenation.</remarks>
public sealed class PdfExtractor : ITextExtractor
{
    private const string Damaged = "PDF-filen är skadad eller ofullständig (till exempel en avbruten nedladdning) och kunde inte läsas. Spara eller ladda ner den på nytt.";
    private const string Password = "PDF-filen är skyddad med lösenord och kan inte läsas. Spara en version utan lösenord (ett lösenord som bara hindrar ändringar går bra).";

    private readonly ProcessRunner _runner;

    /// <summary>Uses <paramref name="runner"/> to start pdfinfo and pdftotext.</summary>
    public PdfExtractor(ProcessRunner runner) => _runner = runner ?? throw new ArgumentNullException(nameof(runner));

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    /// <inheritdoc />
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
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
            info = _runner.Run("pdfinfo", ["-enc", "UTF-8", "-isodates", fullPath], limits.Timeout, 1024 * 1024, cancellationToken);
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

        var remaining = limits.Timeout - clock.Elapsed;
        var maxOutput = (int)Math.Min(int.MaxValue - 1L, (long)limits.MaxTextChars * 2);
        var text = _runner.Run("pdftotext", ["-enc", "UTF-8", fullPath, "-"], remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), maxOutput, cancellationToken);
        if (Classify(text, limits) is { } textFailure)
        {
            return textFailure;
        }

        var builder = new PassageBuilder(limits.MaxTextChars);
        if (text.OutputCapped)
        {
            builder.Note(PassageNotes.TextCut(limits.MaxTextChars));
        }

        var rawPages = text.StandardOutput.Split('\f').ToList();
        if (rawPages.Count > 1 && rawPages[^1].Trim().Length == 0)
        {
            // pdftotext ends every page, the last one too, with a form feed.
            rawPages.RemoveAt(rawPages.Count - 1);
        }

        var pages = PdfPageCleaner.Clean(rawPages);
        for (var i = 0; i < pages.Count; i++)
        {
            builder.Add(pages[i], page: i + 1, headingPath: []);
        }

        if (builder.Count == 0)
        {
            return PdfImages.Contains(fullPath, cancellationToken)
                ? ExtractionResult.Fail(ExtractionFailureKind.NeedsOcr, "PDF-filen innehåller bara bilder (till exempel inskannade sidor) och ingen text. Den behöver OCR (textigenkänning) innan den kan sökas.")
                : ExtractionResult.Fail(ExtractionFailureKind.Empty, "PDF-filen innehåller ingen text; sidorna är tomma.");
        }

        return ExtractionResult.Success(builder.Build(properties with { PageCount = properties.PageCount ?? rawPages.Count }));
    }

    private static ExtractionResult? Classify(ProcessOutcome outcome, ExtractionLimits limits)
    {
        if (outcome.TimedOut)
        {
            return InputChecks.TookTooLong("PDF-filen", limits);
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
}

/// <summary>Finds out whether a PDF without text has pictures (a scan) rather than blank pages.</summary>
public static class PdfImages
{
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
