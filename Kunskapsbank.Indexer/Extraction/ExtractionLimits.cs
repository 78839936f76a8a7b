namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Caps that keep one hostile file from hurting the run.</summary>
/// <param name="Timeout">Wall-clock limit for one file (child processes are killed after it; OCR stops before it).</param>
/// <param name="MaxInputBytes">Largest file read at all.</param>
/// <param name="MaxTextChars">Extracted text beyond this is cut, with a note.</param>
/// <param name="MaxDecompressedBytes">Total uncompressed size allowed inside a zip container (.docx).</param>
/// <param name="MaxToolMemoryBytes">Address-space limit for each child process that reads a file (pdfinfo, pdftotext,
/// pdfimages, catdoc).</param>
/// <param name="MaxOcrPages">Scanned pages read by OCR per file (generous: the background queue reads a long scan page by
/// page without holding anything up); pages beyond it get a note. Reading during extraction is also bounded by
/// <paramref name="Timeout"/>.</param>
/// <param name="OcrPageTimeout">Time limit for rendering and reading one scanned page.</param>
/// <param name="MaxOcrMemoryBytes">Address-space limit for each OCR child process (pdftoppm, tesseract).</param>
public sealed record ExtractionLimits(
    TimeSpan Timeout,
    long MaxInputBytes,
    int MaxTextChars,
    long MaxDecompressedBytes,
    long MaxToolMemoryBytes = 1L << 30,
    int MaxOcrPages = 1000,
    TimeSpan? OcrPageTimeout = null,
    long MaxOcrMemoryBytes = 1L << 30)
{
    /// <summary>Defaults sized for long public reports, not for hostile files.</summary>
    public static ExtractionLimits Default { get; } = new(
        Timeout: TimeSpan.FromSeconds(60),
        MaxInputBytes: 200L * 1024 * 1024,
        MaxTextChars: 10_000_000,
        MaxDecompressedBytes: 256L * 1024 * 1024);

    /// <summary>True when scanned pages are not read during extraction but listed in
    /// <see cref="ExtractedDocument.ScannedPages"/>, for the sync's background OCR queue (a long scan must not hold up
    /// the other files). False (the default): they are read at once, within <see cref="Timeout"/> (the `extract`
    /// command).</summary>
    public bool DeferOcr { get; init; }

    /// <summary>The time limit for one scanned page (60 s unless set; a page takes about 5 s of processor time, several
    /// times that on a busy machine). The file's own time limit still bounds the whole OCR run.</summary>
    public TimeSpan OcrPageTimeoutOrDefault => OcrPageTimeout ?? TimeSpan.FromSeconds(60);
}
