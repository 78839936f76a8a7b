namespace Kunskapsbank.Api.Hosting;

/// <summary>Background OCR of scanned PDF pages (section `Kunskapsbank:Ocr`).</summary>
public sealed class OcrOptions
{
    /// <summary>Read scanned pages at all; when off, such files are listed as waiting for OCR.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Scanned pages read per file; pages beyond it get a note in the report. At ≈ 5 s a page, 1,000 pages
    /// is well over an hour of background work for one file.</summary>
    public int MaxPagesPerFile { get; set; } = 1000;
}
