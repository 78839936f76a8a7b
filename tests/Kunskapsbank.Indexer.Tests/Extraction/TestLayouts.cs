using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Tests.Extraction;

/// <summary>Builds page layouts as poppler would report them: words with boxes on an A4 page in points.</summary>
internal static class TestLayouts
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;
    public const double FontSize = 10;
    private const double CharWidth = 5;
    private const double Space = 3;

    /// <summary>A page whose text lines are one block each at the left margin, 14 pt apart from the top; a line
    /// prefixed "@bottom " is placed at the bottom edge instead.</summary>
    public static PdfPageLayout Page(int number, params string[] lines)
    {
        var blocks = new List<PdfLayoutBlock>();
        var y = 60.0;
        foreach (var line in lines)
        {
            var bottom = line.StartsWith("@bottom ", StringComparison.Ordinal);
            var text = bottom ? line["@bottom ".Length..] : line;
            var top = bottom ? PageHeight - 50 : y;
            blocks.Add(new PdfLayoutBlock([Line(text, 72, top)]));
            y += bottom ? 0 : 14;
        }

        return new PdfPageLayout(number, PageWidth, PageHeight, blocks);
    }

    /// <summary>A page with one block whose lines follow each other 12 pt apart (one paragraph as typeset).</summary>
    public static PdfPageLayout Paragraph(int number, params string[] lines) =>
        new(number, PageWidth, PageHeight, [new PdfLayoutBlock(lines.Select((text, i) => Line(text, 72, 100 + (i * 12))).ToArray())]);

    /// <summary>A line of words starting at <paramref name="x"/>, <paramref name="top"/>.</summary>
    public static PdfLayoutLine Line(string text, double x, double top, double charWidth = CharWidth, double space = Space)
    {
        var words = new List<PdfWord>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var width = word.Length * charWidth;
            words.Add(new PdfWord(word, x, top, x + width, top + FontSize));
            x += width + space;
        }

        return new PdfLayoutLine(words);
    }
}
