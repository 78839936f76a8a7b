using System.Text.RegularExpressions;

namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>Removes inline Markdown syntax from one line, keeping what a reader sees.</summary>
public static partial class MarkdownInline
{
    /// <summary>Link and image targets dropped (image → alt text), emphasis, code spans, HTML tags and escapes removed.</summary>
    public static string Strip(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            return line;
        }

        var text = HtmlComment().Replace(line, " ");
        text = CodeSpan().Replace(text, m => m.Groups["code"].Value);
        text = Image().Replace(text, m => m.Groups["alt"].Value);
        text = InlineLink().Replace(text, m => m.Groups["text"].Value);
        text = ReferenceLink().Replace(text, m => m.Groups["text"].Value);
        text = AutoLink().Replace(text, m => m.Groups["url"].Value);
        text = HtmlTag().Replace(text, string.Empty);
        text = Strong().Replace(text, m => m.Groups["text"].Value);
        text = Emphasis().Replace(text, m => m.Groups["text"].Value);
        text = Strike().Replace(text, m => m.Groups["text"].Value);
        text = Escape().Replace(text, m => m.Groups["char"].Value);
        // Entities may decode to no-break spaces or soft hyphens, so clean once more when any were there.
        var decoded = System.Net.WebUtility.HtmlDecode(text);
        return ReferenceEquals(decoded, text) || decoded == text ? text : TextCleanup.Normalize(decoded);
    }

    [GeneratedRegex(@"<!--.*?(-->|$)")]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\([^)]*\)|!\[(?<alt>[^\]]*)\]\[[^\]]*\]")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?:[^()]|\([^)]*\))*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<(?<url>(?:https?|mailto|ftp):[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<![\\\w])(\*\*|__)(?=\S)(?<text>.+?)(?<=\S)\1(?!\w)")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\\\w*])([*_])(?=[^\s*_])(?<text>.+?)(?<=[^\s\\])\1(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"~~(?<text>.+?)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"\\(?<char>[\\`*_{}\[\]()#+\-.!|>~<""'])")]
    private static partial Regex Escape();
}
