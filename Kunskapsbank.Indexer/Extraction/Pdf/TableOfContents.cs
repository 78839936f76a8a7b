using System.Text.RegularExpressions;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>Finds a table of contents on a page – entries with dot leaders and a page number ("Förslag till lag ……… 5"),
/// the "Innehåll" heading above them, and the section numbers and wrapped titles between them – so that it never
/// becomes a passage: it names every subject once and would win over the page that answers.</summary>
public static partial class TableOfContents
{
    /// <summary>Removes the table of contents from one page's lines (in place); returns the number of lines removed.</summary>
    /// <remarks>The region runs from the first entry (or the heading) to the last entry; above the first entry it takes in
    /// lines that do not end a sentence (an entry's wrapped title, "Bilaga 2" on a continuation page).</remarks>
    public static int Remove(List<PdfTextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var first = -1;
        var last = -1;
        var entries = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsEntry(lines[i].Text))
            {
                entries++;
                first = first < 0 ? i : first;
                last = i;
            }
        }

        var heading = lines.FindIndex(l => Heading().IsMatch(l.Text));

        // One dotted line is a form to fill in or an ellipsis; a table of contents has several entries or its heading.
        if (entries == 0 || (entries < 2 && heading < 0))
        {
            return 0;
        }

        if (heading >= 0 && heading < first)
        {
            first = heading;
        }

        while (first > 0 && !EndsSentence(lines[first - 1].Text))
        {
            first--;
        }

        var removed = last - first + 1;
        lines.RemoveRange(first, removed);
        return removed;
    }

    /// <summary>True for a line with dot leaders ("Lagtext ........ 5", "Bilaga 1 … 47", "Inledning . . . . . 3").</summary>
    public static bool IsEntry(string line) => Leader().IsMatch(line ?? string.Empty);

    private static bool EndsSentence(string line) => line.TrimEnd().EndsWith('.') || line.TrimEnd().EndsWith('!') || line.TrimEnd().EndsWith('?') || line.TrimEnd().EndsWith(':');

    [GeneratedRegex(@"(?:\.\s?){4,}\s*[\dIVXivx]{0,5}\s*$|(?:…\s?){2,}\s*[\dIVXivx]{0,5}\s*$|(?:\.\s?){6,}|(?:…\s?){3,}")]
    private static partial Regex Leader();

    [GeneratedRegex(@"^\s*(?:innehåll|innehållsförteckning|innehåll och disposition|contents|table of contents)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();
}
