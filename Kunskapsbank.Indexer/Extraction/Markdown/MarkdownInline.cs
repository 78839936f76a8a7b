using System.Text.RegularExpressions;

namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>Removes inline Markdown syntax from one line, keeping what a reader sees.</summary>
public static partial class MarkdownInline
{
    private const int MatchTimeoutMilliseconds = 500;
    private const int MaxLineForSyntax = 10_000;

    /// <summary>Link and image targets dropped (image → alt text), emphasis, code spans, HTML tags and escapes removed.</summary>
    public static string Strip(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            return line;
        }

        if (line.Length > MaxLineForSyntax)
        {
            // Nobody writes Markdown syntax in a 10,000-character line, but a hostile one could make the patterns slow.
            return line;
        }

        try
        {
            return StripSyntax(line);
        }
        catch (RegexMatchTimeoutException)
        {
            // A hostile line (thousands of unmatched "[" or "*") must not stall indexing: keep it as written.
            return line;
        }
    }

    private static string StripSyntax(string line)
    {
        var text = HtmlComment().Replace(line, " ");
        text = CodeSpan().Replace(text, m => m.Groups["code"].Value);
        text = Image().Replace(text, m => m.Groups["alt"].Value);
        text = InlineLink().Replace(text, m => m.Groups["text"].Value);
        text = ReferenceLink().Replace(text, m => m.Groups["text"].Value);
        text = AutoLink().Replace(text, m => m.Groups["url"].Value);
        text = HtmlTag().Replace(text, string.Empty);
        text = DropEmphasisMarkers(text);
        text = Escape().Replace(text, m => m.Groups["char"].Value);
        // Entities may decode to no-break spaces or soft hyphens, so clean once more when any were there.
        var decoded = System.Net.WebUtility.HtmlDecode(text);
        return ReferenceEquals(decoded, text) || decoded == text ? text : TextCleanup.Normalize(decoded);
    }

    /// <summary>Drops runs of *, _ and ~ that sit on a word's edge ("**fet**", "_kursiv_", "~~struket~~") and keeps
    /// those inside a word (snake_case) or between spaces ("2 * 3"). One pass, so no input can make it slow.</summary>
    private static string DropEmphasisMarkers(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is not ('*' or '_' or '~') || (i > 0 && text[i - 1] == '\\'))
            {
                builder.Append(c);
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] == c)
            {
                end++;
            }

            var wordBefore = i > 0 && char.IsLetterOrDigit(text[i - 1]);
            var wordAfter = end < text.Length && char.IsLetterOrDigit(text[end]);
            var isMarker = wordBefore != wordAfter && (c != '~' || end - i >= 2);
            if (!isMarker)
            {
                builder.Append(text, i, end - i);
            }

            i = end;
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<!--.*?(-->|$)", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\([^)]*\)|!\[(?<alt>[^\]]*)\]\[[^\]]*\]", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?:[^()]|\([^)]*\))*\)", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\[[^\]]*\]", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<(?<url>(?:https?|mailto|ftp):[^>\s]+)>", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex HtmlTag();




    [GeneratedRegex(@"\\(?<char>[\\`*_{}\[\]()#+\-.!|>~<""'])", RegexOptions.None, MatchTimeoutMilliseconds)]
    private static partial Regex Escape();
}
