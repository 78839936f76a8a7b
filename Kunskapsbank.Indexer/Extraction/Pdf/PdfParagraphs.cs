using System.Text;
using System.Text.RegularExpressions;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>Groups a page's lines into paragraphs: a new paragraph at a new layout block, a wider gap between lines,
/// a change of font size (a heading), a first-line indent after a finished sentence, a short last line, or a list
/// bullet. Lines of one paragraph are joined with Swedish hyphenation rules (<see cref="Hyphenation"/>).</summary>
public static partial class PdfParagraphs
{
    /// <summary>The paragraphs of one page, in reading order.</summary>
    /// <param name="blocksAreParagraphs">The blocks already are paragraphs (Tesseract's): only a block or a bullet starts
    /// one. OCR boxes vary in height with the letters on the line, so the size and gap rules would cut at every line.</param>
    public static List<string> Build(IReadOnlyList<PdfTextLine> lines, bool blocksAreParagraphs = false)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var blockRight = new Dictionary<int, double>();
        var blockLeft = new Dictionary<int, double>();
        foreach (var line in lines)
        {
            blockRight[line.Block] = Math.Max(blockRight.GetValueOrDefault(line.Block, double.MinValue), line.XMax);
            blockLeft[line.Block] = Math.Min(blockLeft.GetValueOrDefault(line.Block, double.MaxValue), line.XMin);
        }

        var paragraphs = new List<string>();
        var current = new StringBuilder();
        PdfTextLine? previous = null;
        foreach (var line in lines)
        {
            var text = TextCleanup.CollapseSpaces(line.Text);
            if (BulletsOnly().IsMatch(text))
            {
                // pdftotext often puts a list's bullets in a column of their own, away from the items: "• • • •".
                continue;
            }

            var bullet = LeadingBullet().Match(text);
            if (bullet.Success)
            {
                text = text[bullet.Length..];
            }

            if (text.Length == 0)
            {
                continue;
            }

            var starts = blocksAreParagraphs ? line.Block != previous?.Block : previous is not null && StartsParagraph(previous, line, blockLeft, blockRight);
            if (previous is not null && (bullet.Success || starts))
            {
                Flush();
            }

            var joined = current.Length == 0 ? text : Hyphenation.JoinLines(current.ToString(), text);
            current.Clear().Append(joined);
            previous = line;
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Length > 0)
            {
                var paragraph = Hyphenation.MendSharedEndings(current.ToString().TrimEnd('\u00AD'));
                paragraphs.Add(paragraph);
                current.Clear();
            }
        }
    }

    private static bool StartsParagraph(PdfTextLine previous, PdfTextLine line, Dictionary<int, double> blockLeft, Dictionary<int, double> blockRight)
    {
        // A word hyphenated at the end of a line goes on in the next one, even when the layout put them in two blocks.
        if (!line.StartsParagraph && HyphenatedEnd().IsMatch(previous.Text) && line.Text.Length > 0 && char.IsLower(line.Text[0]))
        {
            return false;
        }

        if (line.StartsParagraph || line.Block != previous.Block)
        {
            return true;
        }

        var height = Math.Max(1, Math.Min(previous.Height, line.Height));
        var gap = line.YMin - previous.YMax;

        // Wider than line spacing, a different font size (a heading), or a line that is not below the previous one.
        if (gap > height * 0.7 || gap < -height || Math.Abs(line.Height - previous.Height) > height * 0.25)
        {
            return true;
        }

        var endsSentence = previous.Text.TrimEnd() is { Length: > 0 } end && end[^1] is '.' or ':' or '!' or '?' or ';';
        if (!endsSentence)
        {
            return false;
        }

        // First-line indent, or the previous line stopped well short of the block's right edge (a paragraph's last line).
        var indented = line.XMin - blockLeft[line.Block] > height * 0.8 && line.XMin - previous.XMin > height * 0.8;
        var shortLast = blockRight[line.Block] - previous.XMax > height * 4;
        return indented || shortLast;
    }

    [GeneratedRegex(@"\p{L}[-\u2010\u00AD]$")]
    private static partial Regex HyphenatedEnd();

    // Bullet glyphs of Word, LibreOffice and the Symbol/Wingdings private-use code points they are often mapped to.
    [GeneratedRegex(@"^[\s•◦▪▫‣●○■□➢►✓✔\uF0B7\uF0A7\uF0D8\uF076\-–]+$")]
    private static partial Regex BulletsOnly();

    [GeneratedRegex(@"^[•◦▪▫‣●○■□➢►✓✔\uF0B7\uF0A7\uF0D8\uF076]\s*")]
    private static partial Regex LeadingBullet();
}
