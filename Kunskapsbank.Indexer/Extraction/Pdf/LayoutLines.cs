using System.Text;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>Turns a page's layout into text lines in reading order, repairing what real documents do to it:
/// a side-by-side table ("Nuvarande lydelse | Föreslagen lydelse") is read column by column instead of across,
/// rotated margin text is dropped, and letter-spaced words ("P r o p .") are closed up.</summary>
public static partial class LayoutLines
{
    /// <summary>The page's lines; empty for a page without words.</summary>
    public static List<PdfTextLine> From(PdfPageLayout page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var lines = new List<PdfTextLine>();
        for (var b = 0; b < page.Blocks.Count; b++)
        {
            var rows = Rows(page.Blocks[b]);
            if (rows.Count == 0)
            {
                continue;
            }

            var height = Median(rows.SelectMany(r => r).Select(w => w.Height));
            if (FindGutter(rows, height) is { } gutter)
            {
                AddSplit(lines, rows, gutter, b);
            }
            else
            {
                lines.AddRange(rows.SelectMany(row => AtWideGaps(row, height)).Select(row => Line(row, b)));
            }
        }

        return WithListMarkersOnTheirItems(WithoutStackedLetters(lines));
    }

    /// <summary>The words of a line joined with spaces; runs of single letters drawn letter-spaced ("P r o p .") are
    /// closed up, keeping a space where the gap is wider than between the letters.</summary>
    public static string JoinWords(IReadOnlyList<PdfWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = new StringBuilder();
        var i = 0;
        while (i < words.Count)
        {
            var run = i;
            while (run < words.Count && IsSingle(words[run]))
            {
                run++;
            }

            if (run - i >= 5)
            {
                AppendSeparator(text);
                AppendSpaced(text, words, i, run);
                i = run;
                continue;
            }

            AppendSeparator(text);
            text.Append(Clean(words[i].Text));
            i++;
        }

        return text.ToString();
    }

    private static bool IsSingle(PdfWord word) => word.Text.Length == 1 && !char.IsWhiteSpace(word.Text[0]);

    private static void AppendSeparator(StringBuilder text)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }
    }

    private static void AppendSpaced(StringBuilder text, IReadOnlyList<PdfWord> words, int start, int end)
    {
        // The gap between letters of one word is the common one; a word boundary is clearly wider.
        var gaps = new List<double>();
        for (var k = start + 1; k < end; k++)
        {
            gaps.Add(words[k].XMin - words[k - 1].XMax);
        }

        var letterGap = Median(gaps);
        var height = Median(Enumerable.Range(start, end - start).Select(k => words[k].Height));
        text.Append(Clean(words[start].Text));
        for (var k = start + 1; k < end; k++)
        {
            var gap = words[k].XMin - words[k - 1].XMax;
            if (gap > (letterGap * 1.8) + (height * 0.1))
            {
                text.Append(' ');
            }

            text.Append(Clean(words[k].Text));
        }
    }

    private static string Clean(string word)
    {
        // poppler's box output gives right-to-left words in visual order ("ﺪﻤﺤﻣ"); a reader types them in logical order.
        if (IsRightToLeft(word))
        {
            var elements = new List<string>();
            var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(word);
            while (enumerator.MoveNext())
            {
                elements.Add(enumerator.GetTextElement());
            }

            elements.Reverse();
            word = string.Concat(elements);
        }

        // A soft hyphen at the end of a word marks a hyphenation point; keep it for the line joiner, drop the rest.
        var soft = word.Length > 1 && word[^1] == '\u00AD';
        var cleaned = TextCleanup.Normalize(word);
        return soft ? cleaned + '\u00AD' : cleaned;
    }

    private static bool IsRightToLeft(string word) =>
        word.Any(c => c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
        && !word.Any(c => char.IsLetter(c) && c < '\u0590');

    private static PdfTextLine Line(IReadOnlyList<PdfWord> words, int block) => new(
        JoinWords(words),
        words.Min(w => w.XMin),
        words.Min(w => w.YMin),
        words.Max(w => w.XMax),
        words.Max(w => w.YMax),
        block);

    /// <summary>The block's lines, lines on one baseline merged (poppler splits a line at a wide gap), rotated words out.</summary>
    private static List<List<PdfWord>> Rows(PdfLayoutBlock block)
    {
        var rows = new List<List<PdfWord>>();
        foreach (var line in block.Lines)
        {
            var words = line.Words.Where(w => !IsRotated(w) && TextCleanup.Normalize(w.Text).Trim().Length > 0).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var top = words.Min(w => w.YMin);
            var bottom = words.Max(w => w.YMax);
            // Only recent rows can share this baseline; a bounded look-back keeps a hostile block of 100,000 lines linear.
            var lookBack = Math.Min(rows.Count, 64);
            var same = rows.FindLastIndex(rows.Count - 1, lookBack, row => Overlap(row.Min(w => w.YMin), row.Max(w => w.YMax), top, bottom) > 0.6);
            if (same >= 0 && same == rows.Count - 1)
            {
                rows[same].AddRange(words);
                rows[same].Sort((a, c) => a.XMin.CompareTo(c.XMin));
            }
            else if (same >= 0 && rows[same].All(w => w.XMax <= words.Min(x => x.XMin) || w.XMin >= words.Max(x => x.XMax)))
            {
                // A row that continues on the right after lines of another column were read (side-by-side tables).
                rows[same].AddRange(words);
                rows[same].Sort((a, c) => a.XMin.CompareTo(c.XMin));
            }
            else
            {
                rows.Add(words);
            }
        }

        return rows;
    }

    /// <summary>A row cut where words are far apart: poppler puts a running header on the same line as the body text
    /// beside it ("… de viktigaste      Prop. 2012/13:182"), and only apart can it be recognised.</summary>
    private static IEnumerable<List<PdfWord>> AtWideGaps(List<PdfWord> row, double height)
    {
        var start = 0;
        for (var k = 1; k < row.Count; k++)
        {
            if (row[k].XMin - row[k - 1].XMax > Math.Max(height, 1) * 3)
            {
                yield return row.GetRange(start, k - start);
                start = k;
            }
        }

        yield return start == 0 ? row : row.GetRange(start, row.Count - start);
    }

    private static bool IsRotated(PdfWord word)
    {
        // Text turned 90° (margin notes, a diary number up the side): a box much taller than wide for several letters.
        // An emoji or a single tall glyph is one text element and stays.
        return word.Height > 1.5 * word.Width && new System.Globalization.StringInfo(word.Text).LengthInTextElements >= 2;
    }

    private static double Overlap(double top1, double bottom1, double top2, double bottom2)
    {
        var overlap = Math.Min(bottom1, bottom2) - Math.Max(top1, top2);
        var smaller = Math.Min(bottom1 - top1, bottom2 - top2);
        return smaller <= 0 ? 0 : overlap / smaller;
    }

    /// <summary>The gutter of a side-by-side table in this block, or null.</summary>
    /// <remarks>A gutter is an x that at least three rows leave free with a wide gap, where those gaps share a common
    /// free band at least as wide as the gap itself and the words after it start at one x (so the wide spaces of
    /// justified lines, which wander, do not count), and that splits at least a quarter of the rows having words on
    /// both sides of it.</remarks>
    private static Gutter? FindGutter(List<List<PdfWord>> rows, double height)
    {
        // Tables are a few dozen rows; a block of thousands is text (and checking it would be quadratic).
        if (rows.Count < 3 || rows.Count > 2000)
        {
            return null;
        }

        var left = rows.Min(r => r[0].XMin);
        var right = rows.Max(r => r[^1].XMax);
        var minGap = Math.Max(height * 0.9, 5);
        var candidates = new List<double>();
        foreach (var row in rows)
        {
            for (var k = 1; k < row.Count; k++)
            {
                if (row[k].XMin - row[k - 1].XMax >= minGap)
                {
                    candidates.Add((row[k].XMin + row[k - 1].XMax) / 2);
                }
            }
        }

        Gutter? best = null;
        var bestCount = 0;
        foreach (var x in candidates.Select(c => Math.Round(c)).Distinct().Where(c => c > left + ((right - left) * 0.25) && c < left + ((right - left) * 0.75)))
        {
            var gaps = rows.Select(row => GapAt(row, x, minGap)).Where(g => g is not null).Select(g => g!.Value).ToList();
            var crossing = rows.Count(row => Crosses(row, x) || (row.Any(w => w.XMax <= x) && row.Any(w => w.XMin >= x) && GapAt(row, x, minGap) is null));
            if (gaps.Count < 3 || gaps.Count * 4 < gaps.Count + crossing || gaps.Count <= bestCount)
            {
                continue;
            }

            // The right column starts at one x (give or take a first-line indent); after a wide space in justified
            // text the next word starts wherever the line happens to put it.
            var band = (Start: gaps.Max(g => g.Start), End: gaps.Min(g => g.End));
            var aligned = gaps.Count(g => g.End - band.End <= height * 1.5);
            if (band.End - band.Start >= minGap * 0.8 && aligned >= 3 && aligned * 3 >= gaps.Count * 2)
            {
                best = new Gutter((band.Start + band.End) / 2, minGap);
                bestCount = gaps.Count;
            }
        }

        return best;
    }

    /// <summary>The free band around <paramref name="x"/> in a row, when the row has words on both sides and the band is wide.</summary>
    private static (double Start, double End)? GapAt(List<PdfWord> row, double x, double minGap)
    {
        for (var k = 1; k < row.Count; k++)
        {
            if (row[k - 1].XMax <= x && row[k].XMin >= x && row[k].XMin - row[k - 1].XMax >= minGap)
            {
                return (row[k - 1].XMax, row[k].XMin);
            }
        }

        return null;
    }

    private static void AddSplit(List<PdfTextLine> lines, List<List<PdfWord>> rows, Gutter gutter, int block)
    {
        var i = 0;
        var afterSegment = false;
        while (i < rows.Count)
        {
            // A segment starts at a row the gutter splits and runs on while rows split or keep to one side; it must
            // split two rows at least, or it is one justified line that happened to have a wide space there.
            var end = i;
            var split = 0;
            while (end < rows.Count && !IsFullWidth(rows[end], gutter))
            {
                split += GapAt(rows[end], gutter.X, gutter.MinGap) is null ? 0 : 1;
                end++;
            }

            if (GapAt(rows[i], gutter.X, gutter.MinGap) is null || split < 2)
            {
                foreach (var part in AtWideGaps(rows[i], gutter.MinGap))
                {
                    lines.Add(Line(part, block) with { StartsParagraph = afterSegment });
                    afterSegment = false;
                }

                i++;
                continue;
            }

            AddColumn(lines, rows, i, end, w => w.XMax <= gutter.X, block);
            AddColumn(lines, rows, i, end, w => w.XMin >= gutter.X, block);
            afterSegment = true;
            i = end;
        }
    }

    private static bool IsFullWidth(List<PdfWord> row, Gutter gutter) =>
        Crosses(row, gutter.X) || (row.Any(w => w.XMax <= gutter.X) && row.Any(w => w.XMin >= gutter.X) && GapAt(row, gutter.X, gutter.MinGap) is null);

    private static void AddColumn(List<PdfTextLine> lines, List<List<PdfWord>> rows, int start, int end, Func<PdfWord, bool> side, int block)
    {
        var first = true;
        for (var r = start; r < end; r++)
        {
            var words = rows[r].Where(side).ToList();
            if (words.Count > 0)
            {
                lines.Add(Line(words, block) with { StartsParagraph = first });
                first = false;
            }
        }
    }

    private static bool Crosses(List<PdfWord> row, double x) => row.Any(w => w.XMin < x && w.XMax > x);

    /// <summary>Drops rotated text that poppler reads as a stack of one-to-four-letter pieces at the same x
    /// ("D", "i", "a" … or "Diar", "ienu", "mm", "er"): three such lines in a row are not words.</summary>
    private static List<PdfTextLine> WithoutStackedLetters(List<PdfTextLine> lines)
    {
        var kept = new List<PdfTextLine>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            var run = i + 1;
            // The run starts at letters, so a column of numbers (a table's, a list's) is never taken for one.
            while (IsFragment(lines[i]) && lines[i].Text.Any(char.IsLetter) && run < lines.Count && IsFragment(lines[run])
                && Math.Abs(lines[run].XMin - lines[run - 1].XMin) < 2 && lines[run].YMin > lines[run - 1].YMin)
            {
                run++;
            }

            if (run - i < 3)
            {
                kept.AddRange(lines.Skip(i).Take(run - i));
            }

            i = run;
        }

        return kept;
    }

    /// <summary>Puts list markers that poppler read as a column of their own ("1." "2." "3." beside the items, or a column
    /// of bullets) back on the item lines they stand beside: each such item starts a paragraph, numbers are kept.</summary>
    private static List<PdfTextLine> WithListMarkersOnTheirItems(List<PdfTextLine> lines)
    {
        var markers = lines.Where(line => ListMarker().IsMatch(line.Text)).ToList();
        if (markers.Count < 2)
        {
            return lines;
        }

        var result = new List<PdfTextLine>(lines.Count);
        var placed = new HashSet<PdfTextLine>();
        foreach (var line in lines)
        {
            if (markers.Contains(line))
            {
                continue;
            }

            var marker = markers.FirstOrDefault(m => !placed.Contains(m) && m.Block != line.Block
                && Math.Abs(m.YMin - line.YMin) < line.Height * 0.4 && line.XMin >= m.XMax && line.XMin - m.XMax < line.Height * 4);
            if (marker is null)
            {
                result.Add(line);
                continue;
            }

            placed.Add(marker);
            var number = char.IsLetterOrDigit(marker.Text[0]) ? marker.Text + " " : string.Empty;
            result.Add(line with { Text = number + line.Text, StartsParagraph = true, XMin = marker.XMin });
        }

        // A marker with no item beside it is not one of ours: keep it where it was.
        return markers.All(placed.Contains) ? result : lines;
    }

    private static bool IsFragment(PdfTextLine line) => line.Text.Length <= 4 && !line.Text.Contains(' ', StringComparison.Ordinal) && line.Text.Any(char.IsLetterOrDigit);

    private sealed record Gutter(double X, double MinGap);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\d{1,3}[.)]|[a-zA-Z][.)]|[•◦▪▫‣●○■□➢►✓✔\uF0B7\uF0A7\uF0D8\uF076–-])$")]
    private static partial System.Text.RegularExpressions.Regex ListMarker();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
