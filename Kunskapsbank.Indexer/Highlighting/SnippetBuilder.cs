using System.Text;
using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Highlighting;

/// <summary>Cuts a snippet around the densest cluster of hits and marks them, HTML-escaping everything else.</summary>
/// <remarks>The passage is re-analysed with the indexing analyzer, so a hit on "våldet" for the query "våld" or on the
/// part "våld" inside "hedersvåld" is found through the tokens' own offsets: only the part's substring is marked.
/// Only the stretches that can hold a hit are analysed (<see cref="HitWindows"/>).</remarks>
public sealed class SnippetBuilder(Analyzer analyzer)
{
    /// <summary>Target snippet length in characters.</summary>
    public const int SnippetLength = 260;

    /// <summary>The snippet (HTML with &lt;mark&gt;) and the number of hits in the passage.</summary>
    public (string Snippet, int Hits) Build(string text, HighlightTerms terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var ranges = FindHits(text, terms);
        var (start, end) = Window(text, ranges);
        var builder = new StringBuilder(SnippetLength + 64);
        if (start > 0)
        {
            builder.Append('…');
        }

        var position = start;
        foreach (var (hitStart, hitEnd) in ranges)
        {
            if (hitEnd <= start || hitStart >= end)
            {
                continue;
            }

            var s = Math.Max(hitStart, start);
            var e = Math.Min(hitEnd, end);
            AppendEscaped(builder, text, position, s);
            builder.Append("<mark>");
            AppendEscaped(builder, text, s, e);
            builder.Append("</mark>");
            position = e;
        }

        AppendEscaped(builder, text, position, end);
        if (end < text.Length)
        {
            builder.Append('…');
        }

        return (builder.ToString(), ranges.Count);
    }

    /// <summary>Every matching token's range, unsorted; parts and their whole words both.</summary>
    internal List<(int Start, int End)> CollectHits(string text, HighlightTerms terms)
    {
        var ranges = new List<(int Start, int End)>();
        if (terms.IsEmpty)
        {
            return ranges;
        }

        var windows = new List<(int Start, int End)>();
        if (HitWindows.TryFind(text, terms.Anchors, terms.AbbreviationAnchors(analyzer.Lucene.LawAbbreviations), windows))
        {
            foreach (var (start, end) in windows)
            {
                AddHits(text.Substring(start, end - start), start, terms, ranges);
            }
        }
        else
        {
            AddHits(text, 0, terms, ranges);
        }

        return ranges;
    }

    private List<(int Start, int End)> FindHits(string text, HighlightTerms terms)
    {
        var ranges = CollectHits(text, terms);

        // A whole word and its own part can both match: keep the outer range only, so marks never nest.
        ranges.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<(int Start, int End)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start < merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private void AddHits(string text, int offset, HighlightTerms terms, List<(int Start, int End)> ranges) =>
        analyzer.Visit(text, (in TokenView token) =>
        {
            if (terms.Matches(token) && token.End > token.Start && token.End <= text.Length)
            {
                ranges.Add((offset + token.Start, offset + token.End));
            }
        });

    private static (int Start, int End) Window(string text, List<(int Start, int End)> hits)
    {
        if (text.Length <= SnippetLength)
        {
            return (0, text.Length);
        }

        var anchor = 0;
        if (hits.Count > 0)
        {
            // The window starting at hit i that holds the most hits.
            var best = 0;
            var bestCount = 0;
            var j = 0;
            for (var i = 0; i < hits.Count; i++)
            {
                j = Math.Max(j, i);
                while (j + 1 < hits.Count && hits[j + 1].End - hits[i].Start <= SnippetLength * 2 / 3)
                {
                    j++;
                }

                if (j - i + 1 > bestCount)
                {
                    bestCount = j - i + 1;
                    best = i;
                }
            }

            anchor = Math.Max(0, hits[best].Start - (SnippetLength / 4));
        }

        var start = anchor == 0 ? 0 : StartOfWord(text, anchor);
        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            end = EndOfWord(text, end);
        }

        return (start, end);
    }

    private static int StartOfWord(string text, int index)
    {
        var i = index;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]) && index - i < 30)
        {
            i--;
        }

        return i;
    }

    private static int EndOfWord(string text, int index)
    {
        var i = index;
        while (i > 0 && i < text.Length && !char.IsWhiteSpace(text[i]) && index - i < 30)
        {
            i--;
        }

        return i <= 0 ? index : i;
    }

    // Only the five characters that matter are escaped; WebUtility would also turn å/ä/ö into numeric entities.
    private static void AppendEscaped(StringBuilder builder, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                case '\n' or '\r' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }
}
