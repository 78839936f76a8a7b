using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace Kunskapsbank.Indexer.Extraction.Html;

/// <summary>Flattens absurdly deep nesting before AngleSharp builds the tree: tags deeper than a cap are cut out
/// (their text stays), found with AngleSharp's own tokenizer.</summary>
/// <remarks>
/// The HTML5 tree-building algorithm walks the stack of open elements for many start tags ("close a p element in
/// button scope"), so its cost grows with the square of the nesting depth: AngleSharp 1.10.4 needs 7 s for 20,000
/// nested &lt;div&gt;s and 107 s for 100,000 on this project's machines, longer than the extraction limit. No real page
/// nests more than a few dozen levels, so a page past <see cref="MaxDepth"/> is hostile or broken, and losing its
/// deepest tags costs only layout. A normal page passes through unchanged (one linear tokenizer pass).
/// </remarks>
internal static class HtmlNestingGuard
{
    /// <summary>Deeper tags are cut out; AngleSharp itself stops nesting the DOM at about 512.</summary>
    public const int MaxDepth = 256;

    /// <summary>End tags may be left out for these (and the tree builder closes them), so they do not count as depth.</summary>
    private static readonly HashSet<string> OptionalEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead",
        "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
    };

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "frame", "basefont", "bgsound",
    };

    /// <summary>How many open elements an end tag may close at once when it is matched to its start tag.</summary>
    private const int MatchWindow = 16;

    /// <summary>The HTML with too-deep tags cut out, or null when its nesting is within the cap.</summary>
    public static string? Flatten(string html, CancellationToken cancellationToken)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var open = new List<(string Name, bool Cut)>();
        var cuts = new List<(int Start, int End)>();
        var pendingCut = -1;
        var deepest = 0;
        var count = 0;
        while (true)
        {
            var token = tokenizer.Get();
            var start = token.Position.Position - 1;
            if (pendingCut >= 0)
            {
                // A token runs to where the next one starts.
                cuts.Add((pendingCut, start));
                pendingCut = -1;
            }

            if (token.Type == HtmlTokenType.EndOfFile)
            {
                break;
            }

            if (++count % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (token.Type == HtmlTokenType.StartTag)
            {
                var tag = token.AsTag();
                SwitchToRawText(tokenizer, tag.Name);
                if (tag.IsSelfClosing || Void.Contains(tag.Name) || OptionalEnd.Contains(tag.Name))
                {
                    continue;
                }

                var cut = open.Count >= MaxDepth;
                open.Add((tag.Name, cut));
                deepest = Math.Max(deepest, open.Count);
                if (cut)
                {
                    pendingCut = start;
                }
            }
            else if (token.Type == HtmlTokenType.EndTag && open.Count > 0)
            {
                var match = open.FindLastIndex(open.Count - 1, Math.Min(open.Count, MatchWindow), o => o.Name.Equals(token.Name, StringComparison.OrdinalIgnoreCase));
                if (match >= 0)
                {
                    if (open[match].Cut)
                    {
                        pendingCut = start;
                    }

                    open.RemoveRange(match, open.Count - match);
                }
            }
        }

        if (deepest <= MaxDepth)
        {
            return null;
        }

        var flat = new StringBuilder(html.Length);
        var from = 0;
        foreach (var (cutStart, cutEnd) in cuts)
        {
            flat.Append(html, from, cutStart - from);
            from = cutEnd;
        }

        return flat.Append(html, from, html.Length - from).ToString();
    }

    /// <summary>What the tree builder would tell the tokenizer: the text of these elements is not markup.</summary>
    private static void SwitchToRawText(HtmlTokenizer tokenizer, string name)
    {
        switch (name.ToLowerInvariant())
        {
            case "script":
                tokenizer.State = HtmlParseMode.Script;
                break;
            case "style" or "xmp" or "iframe" or "noembed" or "noframes":
                tokenizer.State = HtmlParseMode.Rawtext;
                break;
            case "textarea" or "title":
                tokenizer.State = HtmlParseMode.RCData;
                break;
            case "plaintext":
                tokenizer.State = HtmlParseMode.Plaintext;
                break;
        }
    }
}
