namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>One line of a page's text in reading order, with its box, after layout repair (columns of a side-by-side
/// table apart, rotated words out, letter-spacing closed up).</summary>
/// <param name="Text">The line's words, NFC, single spaces; a soft hyphen at the end is kept for the line joiner.</param>
/// <param name="Block">Index of the layout block the line came from; a new block starts a new paragraph.</param>
public sealed record PdfTextLine(string Text, double XMin, double YMin, double XMax, double YMax, int Block)
{
    /// <summary>The line must start a paragraph (the first line of a table column, a bulleted item).</summary>
    public bool StartsParagraph { get; init; }

    /// <summary>Height of the box (about the font size).</summary>
    public double Height => YMax - YMin;
}
