using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Extraction.Ocr;

/// <summary>A scanned page to read: its number and size in points (for the rendering resolution).</summary>
public sealed record OcrPageRequest(int Page, double WidthPoints, double HeightPoints);

/// <summary>What OCR made of one page: its words with boxes, or the Swedish reason it could not be read.</summary>
/// <param name="Layout">The words in Tesseract's blocks, paragraphs and lines (pixels), or null when the page failed.</param>
/// <param name="Problem">Why the page failed (time or memory limit, a damaged image), or null.</param>
public sealed record OcrPageResult(int Page, PdfPageLayout? Layout, string? Problem);

/// <summary>How OCR runs: one child process per page for rendering and one for reading, each under these limits.</summary>
/// <param name="PageTimeout">Time for rendering plus reading one page.</param>
/// <param name="MaxMemoryBytes">Address-space limit of each child process.</param>
/// <param name="Deadline">No page is started after this moment (the file's own time limit); null for none.</param>
/// <param name="Dpi">Rendering resolution; 300 is what Tesseract is trained for.</param>
/// <param name="MaxPixels">The longer side of a rendered page never exceeds this, whatever the page size claims.</param>
/// <param name="Language">Tesseract language model.</param>
/// <param name="MinConfidence">Words Tesseract is less sure of (0–100) are dropped: specks and rules read as "|" or "-".</param>
/// <param name="LowPriority">Run the child processes at the lowest CPU priority (the background queue: searches and
/// indexing come first).</param>
public sealed record OcrSettings(
    TimeSpan PageTimeout,
    long MaxMemoryBytes,
    DateTimeOffset? Deadline = null,
    int Dpi = 300,
    int MaxPixels = 5000,
    string Language = "swe",
    int MinConfidence = 30,
    bool LowPriority = false);
