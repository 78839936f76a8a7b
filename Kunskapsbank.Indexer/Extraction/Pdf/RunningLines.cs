using System.Text;
using System.Text.RegularExpressions;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>Finds running headers and footers ("Prop. 2012/13:187", "SOU 2014:49", "Sida 3 av 11", alternating
/// even/odd headers, letter-spaced ones) and page numbers at the top and bottom of pages.</summary>
/// <remarks>Edges are found by position, not by reading order: poppler often reads an odd page's header after the
/// first heading. A line is a running line when its form with digits folded and spaces removed recurs at a page edge
/// on at least 3 pages and 40 % of them (so each of two alternating headers counts), or on 2 pages when it names a
/// page ("… · Sida 2").</remarks>
public static partial class RunningLines
{
    private const int EdgeLines = 4;

    /// <summary>Removes running lines and page numbers from every page (the lists are changed in place).</summary>
    /// <remarks>Poppler sometimes puts a header on the same line as the body text beside it ("… tillträtt Prop.
    /// 2012/13:182"): a header known as a line of its own on two pages or more is also cut off the start or end of an
    /// edge line, and such pages count towards its threshold.</remarks>
    public static void Remove(IReadOnlyList<List<PdfTextLine>> pages, IReadOnlyList<double> pageHeights)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(pageHeights);
        var edges = pages.Select((lines, p) => Edges(lines, pageHeights[p]).ToList()).ToList();
        var standalone = Count(edges.Select(page => page.Select(line => Key(line.Text))));
        var known = standalone.Where(pair => pair.Value >= 2).Select(pair => pair.Key).ToList();
        var counts = Count(edges.Select(page => page.SelectMany(line => KeysIn(Key(line.Text), known))));

        var threshold = Math.Max(3, (int)Math.Ceiling(pages.Count * 0.4));
        var running = counts
            .Where(pair => pair.Value >= threshold || (standalone.GetValueOrDefault(pair.Key) >= 2 && NamedPageNumber().IsMatch(pair.Key)))
            .Select(pair => pair.Key)
            .ToHashSet(StringComparer.Ordinal);

        // A title page may repeat the running header's words in its title ("Skydd för barn i hederskontext"): a line
        // set much larger than the header usually is stays.
        var heights = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var line in edges.SelectMany(page => page).Where(line => running.Contains(Key(line.Text))))
        {
            (heights.TryGetValue(Key(line.Text), out var list) ? list : heights[Key(line.Text)] = []).Add(line.Height);
        }

        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var line in edges[p])
            {
                var index = pages[p].IndexOf(line);
                var key = Key(line.Text);
                var headerSized = !heights.TryGetValue(key, out var sizes) || line.Height <= sizes.Order().ElementAt(sizes.Count / 2) * 1.3;
                if ((running.Contains(key) && headerSized) || (pages.Count > 1 && IsPageNumber(line.Text)))
                {
                    pages[p].RemoveAt(index);
                }
                else if (Strip(line.Text, running) is { } rest)
                {
                    pages[p][index] = line with { Text = rest };
                }
            }
        }
    }

    private static Dictionary<string, int> Count(IEnumerable<IEnumerable<string>> keysPerPage)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keysPerPage.SelectMany(keys => keys.Where(k => k.Length > 0).Distinct()))
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static IEnumerable<string> KeysIn(string lineKey, List<string> known) =>
        known.Where(key => lineKey == key || lineKey.StartsWith(key, StringComparison.Ordinal) || lineKey.EndsWith(key, StringComparison.Ordinal));

    /// <summary>The line without a running header at its start or end, or null when it has none.</summary>
    private static string? Strip(string line, HashSet<string> running)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = Math.Min(6, words.Length - 1); k >= 1; k--)
        {
            if (running.Contains(Key(string.Join(' ', words[^k..]))))
            {
                return string.Join(' ', words[..^k]);
            }

            if (running.Contains(Key(string.Join(' ', words[..k]))))
            {
                return string.Join(' ', words[k..]);
            }
        }

        return null;
    }

    /// <summary>True for a line that is only a page number: "3", "Sida 3", "3 (11)", "- 3 -", "Sida 3 av 11", "s. 3".</summary>
    public static bool IsPageNumber(string line) => PageNumber().IsMatch(line ?? string.Empty);

    /// <summary>The lines nearest the top and the bottom of the page (by position), within the outer fifth of the page.</summary>
    private static IEnumerable<PdfTextLine> Edges(List<PdfTextLine> lines, double pageHeight)
    {
        var byTop = lines.OrderBy(l => l.YMin).ToList();
        var zone = pageHeight > 0 ? pageHeight * 0.2 : double.MaxValue;
        var top = byTop.Take(EdgeLines).Where(l => pageHeight <= 0 || l.YMin < zone);
        var bottom = byTop.TakeLast(EdgeLines).Where(l => pageHeight <= 0 || l.YMax > pageHeight - zone);
        return top.Concat(bottom).Distinct();
    }

    /// <summary>Lower case, digits folded to '#', all spaces removed: "P r o p . 2012/13:187" and "Prop. 2012/13:190" agree.</summary>
    private static string Key(string line)
    {
        var builder = new StringBuilder(line.Length);
        var inNumber = false;
        foreach (var c in line)
        {
            if (char.IsDigit(c))
            {
                if (!inNumber)
                {
                    builder.Append('#');
                }

                inNumber = true;
                continue;
            }

            inNumber = false;
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // Runs on the folded key of a line: "kunskapscentrum·fredaipraktiken#·sida#".
    [GeneratedRegex(@"(?:sida|sid\.|page|s\.)#", RegexOptions.IgnoreCase)]
    private static partial Regex NamedPageNumber();

    [GeneratedRegex(@"^[\s\-–—|]*(?:(?:sida|sid\.|s\.|page)\s*)?\d{1,4}(?:\s*(?:\(\s*\d{1,4}\s*\)|(?:av|of|/)\s*\d{1,4}))?[\s\-–—|]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
