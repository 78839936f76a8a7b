using System.Security.Cryptography;
using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Extraction.Ocr;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Corpus;

/// <summary>The flow of one document: extract → resolve metadata → analyse (once per text). Never throws for bad input.</summary>
public sealed class DocumentPipeline(ExtractorRegistry extractors, Analyzer analyzer, ExtractionLimits limits)
{
    /// <summary>A prepared document or the reason it failed.</summary>
    /// <param name="Document">The document (of a mixed PDF: its text pages), or null.</param>
    /// <param name="ScannedPages">Scanned pages left for the background OCR queue (extraction with
    /// <see cref="ExtractionLimits.DeferOcr"/>); with neither document nor failure, the file is all scans.</param>
    public sealed record Outcome(IndexedDocument? Document, FailedFile? Failure, int ScannedPages = 0);

    /// <summary>Empties the analysis's word memo (after a bulk change: see <see cref="Analyzer.ForgetWords"/>).</summary>
    public void ForgetWords() => analyzer.ForgetWords();

    /// <summary>Runs the pipeline for one file.</summary>
    public Outcome Prepare(CorpusFile file, FileFingerprint fingerprint, string metadataHash, IMetadataResolver resolver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Complete(file, fingerprint, metadataHash, resolver, extractors.Extract(file.FullPath, limits, cancellationToken));
    }

    /// <summary>Runs the pipeline for a PDF whose scanned pages are read by OCR now, page by page (the background
    /// OCR queue): no time limit for the file, only per page.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (the file changed, or the index closes).</exception>
    public Outcome PrepareReadingScans(CorpusFile file, FileFingerprint fingerprint, string metadataHash, IMetadataResolver resolver, IProgress<OcrProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Complete(file, fingerprint, metadataHash, resolver, extractors.ExtractReadingScans(file.FullPath, limits, progress, cancellationToken));
    }

    private Outcome Complete(CorpusFile file, FileFingerprint fingerprint, string metadataHash, IMetadataResolver resolver, ExtractionResult extraction)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        if (extraction.Document is not { } extracted)
        {
            var failure = extraction.Failure!;
            return new Outcome(null, new FailedFile(file.RelativePath, FailureKinds.Of(failure.Kind), failure.Message));
        }

        var scanned = extracted.ScannedPages.Count;
        if (extracted.Passages.Count == 0 || extracted.Passages.All(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            return scanned > 0
                ? new Outcome(null, null, scanned)
                : new Outcome(null, new FailedFile(file.RelativePath, FailureKinds.Of(ExtractionFailureKind.Empty), "Filen innehåller ingen text att söka i."));
        }

        DocumentMetadata metadata;
        try
        {
            metadata = resolver.Resolve(file.FullPath, extracted);
        }
#pragma warning disable CA1031 // A resolver bug on one file must not end the run; the file is reported instead.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new Outcome(null, new FailedFile(file.RelativePath, FailureKinds.Metadata, "Dokumentets metadata kunde inte läsas: " + ex.Message));
        }

        var title = string.IsNullOrWhiteSpace(metadata.Title) ? Path.GetFileNameWithoutExtension(file.RelativePath) : metadata.Title.Trim();
        metadata = metadata with { Title = title };
        var problems = metadata.Problems.Concat(extracted.Notes).ToList();
        return new Outcome(
            new IndexedDocument(
                file.RelativePath,
                fingerprint,
                metadataHash,
                ContentTypes.Of(file.RelativePath),
                extracted.Properties.PageCount ?? PageCountOf(extracted),
                metadata,
                problems,
                extracted.Passages,
                Analyse(title, extracted.Passages)),
            null,
            scanned);
    }

    /// <summary>A document rebuilt from what the index stored (a moved file: same content, no extraction).</summary>
    public IndexedDocument Rebuild(StoredDocument stored, IReadOnlyList<StoredPassage> passages, string path, FileFingerprint fingerprint, string metadataHash)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(passages);
        var s = stored.Summary;
        var metadata = new DocumentMetadata(s.Title, s.Publisher, s.Year, s.DocumentType, StatusOf(s.Status), s.SupersededBy, stored.Tags, [])
        {
            Supersedes = stored.Supersedes,
        };
        var extracted = passages.Select(p => new ExtractedPassage(p.Text, p.Page, p.HeadingPath, p.Offset) { IsOcr = p.IsOcr }).ToList();
        return new IndexedDocument(path, fingerprint, metadataHash, stored.ContentType, stored.PageCount, metadata, stored.Problems, extracted, Analyse(s.Title, extracted));
    }

    /// <summary>The title, each distinct heading and each passage analysed once.</summary>
    public AnalysedText Analyse(string title, IReadOnlyList<ExtractedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var headings = new Dictionary<string, IReadOnlyList<Token>>(StringComparer.Ordinal);
        var headingTokens = new List<IReadOnlyList<Token>>(passages.Count);
        var bodies = new List<IReadOnlyList<Token>>(passages.Count);
        foreach (var passage in passages)
        {
            var heading = passage.Heading ?? string.Empty;
            if (!headings.TryGetValue(heading, out var tokens))
            {
                headings[heading] = tokens = analyzer.Analyze(heading);
            }

            headingTokens.Add(tokens);
            bodies.Add(analyzer.Analyze(passage.Text));
        }

        return new AnalysedText(analyzer.Analyze(title), headingTokens, bodies);
    }

    /// <summary>SHA-256 of a file's content, hex.</summary>
    public static string HashFile(string fullPath)
    {
        // Unbuffered: hashing reads through a pooled buffer of its own, and a 64 KB buffer per file was garbage per file.
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static DocumentStatus StatusOf(string status) => status switch
    {
        "ersatt" => DocumentStatus.Superseded,
        "upphavd" => DocumentStatus.Repealed,
        _ => DocumentStatus.Current,
    };

    private static int? PageCountOf(ExtractedDocument document)
    {
        var pages = document.Passages.Where(p => p.Page is not null).Select(p => p.Page!.Value).ToList();
        return pages.Count == 0 ? null : pages.Max();
    }
}

/// <summary>Stable failure categories for the report and the API.</summary>
public static class FailureKinds
{
    /// <summary>The metadata of a document could not be resolved.</summary>
    public const string Metadata = "metadata";

    /// <summary>The slug for an extraction failure kind (`needs-ocr`, `corrupt` …).</summary>
    public static string Of(ExtractionFailureKind kind) => kind switch
    {
        ExtractionFailureKind.UnsupportedFormat => "unsupported-format",
        ExtractionFailureKind.Empty => "empty",
        ExtractionFailureKind.Corrupt => "corrupt",
        ExtractionFailureKind.Encrypted => "encrypted",
        ExtractionFailureKind.NeedsOcr => "needs-ocr",
        ExtractionFailureKind.TooLarge => "too-large",
        ExtractionFailureKind.Timeout => "timeout",
        _ => "unreadable",
    };
}

/// <summary>MIME types by extension.</summary>
public static class ContentTypes
{
    /// <summary>The MIME type of a file, by its extension.</summary>
    public static string Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".doc" => "application/msword",
        ".md" or ".markdown" => "text/markdown",
        ".html" or ".htm" => "text/html",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
