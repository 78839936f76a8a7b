using Kunskapsbank.Indexer.Extraction.Html;
using Kunskapsbank.Indexer.Extraction.Markdown;
using Kunskapsbank.Indexer.Extraction.Pdf;
using Kunskapsbank.Indexer.Extraction.PlainText;
using Kunskapsbank.Indexer.Extraction.Word;

namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Picks the extractor for a file by its extension; the one seam the indexer calls.</summary>
public sealed class ExtractorRegistry
{
    private readonly Dictionary<string, ITextExtractor> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers the given extractors; a later one wins for a shared extension.</summary>
    public ExtractorRegistry(IEnumerable<ITextExtractor> extractors)
    {
        ArgumentNullException.ThrowIfNull(extractors);
        foreach (var extractor in extractors)
        {
            foreach (var extension in extractor.Extensions)
            {
                _byExtension[extension] = extractor;
            }
        }
    }

    /// <summary>Every format Kunskapsbank reads: PDF, Word (.docx, and .doc through catdoc), Markdown, HTML and plain text.</summary>
    public static ExtractorRegistry CreateDefault()
    {
        var runner = new ProcessRunner();
        return new(
        [
            new PdfExtractor(runner),
            new DocxExtractor(),
            new LegacyWordExtractor(runner),
            new MarkdownExtractor(),
            new HtmlExtractor(),
            new PlainTextExtractor(),
        ]);
    }

    /// <summary>Extensions (".pdf") some extractor reads.</summary>
    public IReadOnlyCollection<string> SupportedExtensions => _byExtension.Keys;

    /// <summary>True when a file with this path would be handed to an extractor.</summary>
    public bool IsSupported(string path) => _byExtension.ContainsKey(Path.GetExtension(path));

    /// <summary>Extracts one file; unknown formats and unexpected extractor errors become failures, never exceptions.</summary>
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        if (!_byExtension.TryGetValue(Path.GetExtension(path), out var extractor))
        {
            return ExtractionResult.Fail(ExtractionFailureKind.UnsupportedFormat, $"Filformatet {Path.GetExtension(path)} stöds inte.");
        }

        ArgumentNullException.ThrowIfNull(limits);

        // The same wall-clock limit as for the PDF child processes: a pathological Word or HTML file must not hold
        // the indexing run for ever. The in-process extractors check the token in their loops.
        using var clock = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        clock.CancelAfter(limits.Timeout);
        return Guarded(() => extractor.Extract(path, limits, clock.Token), limits, cancellationToken);
    }

    /// <summary>Extracts a PDF reading all its scanned pages by OCR, page by page (the background OCR queue); like
    /// <see cref="Extract"/> it never throws for a bad file, but only cancellation stops it, not the file's time limit.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public ExtractionResult ExtractReadingScans(string path, ExtractionLimits limits, IProgress<Ocr.OcrProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!_byExtension.TryGetValue(Path.GetExtension(path), out var extractor) || extractor is not PdfExtractor pdf)
        {
            return Extract(path, limits with { DeferOcr = false }, cancellationToken);
        }

        return Guarded(() => pdf.ExtractReadingScans(path, limits, progress, cancellationToken), limits, cancellationToken);
    }

    private static ExtractionResult Guarded(Func<ExtractionResult> extract, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            return extract();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return InputChecks.TookTooLong("Filen", limits);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Unreadable, "Filen kunde inte läsas. Kontrollera att den finns och att tjänsten får läsa den.");
        }
#pragma warning disable CA1031 // One broken file must never end an indexing run.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Corrupt, "Filen verkar vara skadad och kunde inte läsas.");
        }
    }
}
