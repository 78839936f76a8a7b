using System.Text;
using System.Text.RegularExpressions;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>Turns pdftotext's pages into clean paragraphs: running headers, footers and page numbers removed,
/// list bullets dropped (each bulleted line starts a paragraph), lines re-joined and words hyphenated at line ends mended.</summary>
public static partial class PdfPageCleaner
{
    private const int EdgeLines = 4;

    // Words after a dangling hyphen that mean "shared ending", as in "barn- och ungdomsvård": keep the hyphen.
    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "och", "eller", "samt", "respektive", "resp", "resp.", "som", "till", "men", "utan", "and", "or",
    };

    /// <summary>Cleans every page; the result has one entry per input page (possibly empty).</summary>
    public static List<string> Clean(IReadOnlyList<string> rawPages)
    {
        ArgumentNullException.ThrowIfNull(rawPages);
        var pages = rawPages.Select(page => TextCleanup.Normalize(page).Split('\n').Select(line => line.TrimEnd()).ToList()).ToList();
        var repeated = FindRunningLines(pages);
        var cleaned = new List<string>(pages.Count);
        foreach (var lines in pages)
        {
            RemoveEdges(lines, repeated, pages.Count);
            cleaned.Add(string.Join("\n\n", Paragraphs(lines).Select(RestoreSharedEnding)));
        }

        return cleaned;
    }

    /// <summary>Joins two lines of one paragraph, mending a word hyphenated at the line end.</summary>
    public static string JoinLines(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Length >= 2 && first[^1] is '-' or '\u2010' && char.IsLetter(first[^2]) && second.Length > 0 && char.IsLetter(second[0]))
        {
            var nextWord = second.Split(' ', 2)[0];
            if (char.IsLower(second[0]) && Conjunctions.Contains(nextWord))
            {
                return $"{first} {second}";
            }

            // "FREDA-kortfrågor", "HSLF-FS", "e-post": an upper-case letter on either side means a real compound hyphen.
            if (char.IsUpper(first[^2]) || char.IsUpper(second[0]) || IsShortPrefix(first))
            {
                return first + second;
            }

            return first[..^1] + second;
        }

        return $"{first} {second}";
    }

    /// <summary>Puts back the hyphen poppler drops when it joins "offentlighets-" and "och" on one line.</summary>
    /// <remarks>No Swedish word ends in "och" after a lower-case stem, so "offentlighetsoch sekretesslagen" can only be
    /// "offentlighets- och sekretesslagen".</remarks>
    public static string RestoreSharedEnding(string paragraph) => SharedEnding().Replace(paragraph, "$1- och ");

    private static bool IsShortPrefix(string line)
    {
        // A one-letter word before the hyphen ("e-", "p-") is a real compound: "e-post", "p-piller".
        var lastSpace = line.LastIndexOf(' ');
        return line.Length - lastSpace - 1 <= 2;
    }

    private static IEnumerable<string> Paragraphs(List<string> lines)
    {
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = TextCleanup.CollapseSpaces(raw);
            if (BulletsOnly().IsMatch(line))
            {
                // pdftotext often puts a list's bullets in a column of their own, away from the items: "• • • •".
                continue;
            }

            if (LeadingBullet().Match(line) is { Success: true } bullet)
            {
                // A bulleted line is a new list item: it starts its own paragraph, without the marker.
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                line = line[bullet.Length..];
            }

            if (line.Length == 0)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                continue;
            }

            if (current.Length == 0)
            {
                current.Append(line);
            }
            else
            {
                var joined = JoinLines(current.ToString(), line);
                current.Clear().Append(joined);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static HashSet<string> FindRunningLines(List<List<string>> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var lines in pages)
        {
            foreach (var key in EdgeIndexes(lines).Select(i => Key(lines[i])).Where(k => k.Length > 0).Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        // On at least 3 pages and 40 % of them: alternating even/odd headers still count, a repeated sentence rarely does.
        // A line that carries a page number ("… · Sida 2") is a running line as soon as it repeats, which is what
        // catches the footer of a two-page leaflet.
        var threshold = Math.Max(3, (int)Math.Ceiling(pages.Count * 0.4));
        return counts
            .Where(pair => pair.Value >= threshold || (pair.Value >= 2 && NamedPageNumber().IsMatch(pair.Key)))
            .Select(pair => pair.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static void RemoveEdges(List<string> lines, HashSet<string> repeated, int pageCount)
    {
        var remove = EdgeIndexes(lines)
            .Where(i => repeated.Contains(Key(lines[i])) || (pageCount > 1 && PageNumber().IsMatch(lines[i])))
            .OrderDescending()
            .ToList();
        foreach (var index in remove)
        {
            // Blank it rather than delete it, so the paragraphs on either side stay apart.
            lines[index] = string.Empty;
        }
    }

    private static IEnumerable<int> EdgeIndexes(List<string> lines)
    {
        var nonEmpty = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                nonEmpty.Add(i);
            }
        }

        return nonEmpty.Take(EdgeLines).Concat(nonEmpty.TakeLast(EdgeLines)).Distinct();
    }

    private static string Key(string line) => Digits().Replace(TextCleanup.CollapseSpaces(line).ToLowerInvariant(), "#");

    [GeneratedRegex(@"\b(\p{Ll}{3,})och (?=\p{Ll})")]
    private static partial Regex SharedEnding();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    // Bullet glyphs of Word, LibreOffice and the Symbol/Wingdings private-use code points they are often mapped to.
    [GeneratedRegex(@"^[\s•◦▪▫‣●○■□➢►✓✔\uF0B7\uF0A7\uF0D8\uF076]+$")]
    private static partial Regex BulletsOnly();

    [GeneratedRegex(@"^[•◦▪▫‣●○■□➢►✓✔\uF0B7\uF0A7\uF0D8\uF076]\s+")]
    private static partial Regex LeadingBullet();

    // Runs on the digit-folded key of a line: "kunskapscentrum · freda i praktiken # · sida #".
    [GeneratedRegex(@"\b(?:sida|sid\.|page|s\.)\s*#", RegexOptions.IgnoreCase)]
    private static partial Regex NamedPageNumber();

    [GeneratedRegex(@"^[\s\-–—|]*(?:(?:sida|sid\.|s\.|page)\s*)?\d{1,4}(?:\s*(?:\(\s*\d{1,4}\s*\)|(?:av|of|/)\s*\d{1,4}))?[\s\-–—|]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
