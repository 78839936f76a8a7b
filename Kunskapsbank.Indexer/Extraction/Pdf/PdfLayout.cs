namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>A word on a page with its box in points (origin top left, y grows downwards), as poppler placed it.</summary>
public sealed record PdfWord(string Text, double XMin, double YMin, double XMax, double YMax)
{
    /// <summary>Width of the box.</summary>
    public double Width => XMax - XMin;

    /// <summary>Height of the box (about the font size for horizontal text).</summary>
    public double Height => YMax - YMin;
}

/// <summary>A line of words in reading order, as one layout engine (poppler, Tesseract) grouped them.</summary>
public sealed record PdfLayoutLine(IReadOnlyList<PdfWord> Words)
{
    /// <summary>Left edge.</summary>
    public double XMin => Words.Min(w => w.XMin);

    /// <summary>Top edge.</summary>
    public double YMin => Words.Min(w => w.YMin);

    /// <summary>Right edge.</summary>
    public double XMax => Words.Max(w => w.XMax);

    /// <summary>Bottom edge.</summary>
    public double YMax => Words.Max(w => w.YMax);
}

/// <summary>A block of lines the layout engine kept together (a paragraph, a table cell, a column piece).</summary>
public sealed record PdfLayoutBlock(IReadOnlyList<PdfLayoutLine> Lines);

/// <summary>One page: its size and its blocks in reading order.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="IsOcr">The words were read from the page image by OCR.</param>
public sealed record PdfPageLayout(int Number, double Width, double Height, IReadOnlyList<PdfLayoutBlock> Blocks, bool IsOcr = false)
{
    /// <summary>True when the page holds no word at all.</summary>
    public bool IsEmpty => Blocks.All(b => b.Lines.All(l => l.Words.Count == 0));
}
