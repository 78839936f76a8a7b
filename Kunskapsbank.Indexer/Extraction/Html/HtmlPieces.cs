using System.Text;
using AngleSharp.Dom;

namespace Kunskapsbank.Indexer.Extraction.Html;

/// <summary>One piece of an HTML page as a reader sees it, in order.</summary>
/// <param name="Kind">Text, a line break, a paragraph break or a heading.</param>
/// <param name="Text">The text (newlines kept only inside &lt;pre&gt;) or the heading's whole text.</param>
/// <param name="Level">The heading level 1–6 for <see cref="HtmlPieceKind.Heading"/>.</param>
public readonly record struct HtmlPiece(HtmlPieceKind Kind, string Text = "", int Level = 0);

/// <summary>Kinds of <see cref="HtmlPiece"/>.</summary>
public enum HtmlPieceKind
{
    /// <summary>Visible text.</summary>
    Text,

    /// <summary>A line ends (br, list item, table row).</summary>
    LineBreak,

    /// <summary>A block ends (p, div, table …).</summary>
    ParagraphBreak,

    /// <summary>A heading h1–h6, with its whole text.</summary>
    Heading,
}

/// <summary>Walks an AngleSharp DOM into <see cref="HtmlPiece"/>s: visible text and the page's structure only.</summary>
/// <remarks>The walk keeps its own stack instead of recursing, so nesting costs heap, never the thread's stack.
/// Dropped: script, style, template, svg and the like, page chrome (nav, and header/footer/aside outside an article),
/// ARIA landmarks of the same kind, and elements hidden by <c>hidden</c>, <c>aria-hidden</c> or an inline style.</remarks>
public static class HtmlPieces
{
    private static readonly HashSet<string> ParagraphTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "table", "ul", "ol", "dl", "figure",
        "figcaption", "form", "fieldset", "address", "details", "summary", "hr", "body", "html", "caption", "center",
        "legend", "menu", "dialog", "header", "footer", "search",
    };

    private static readonly HashSet<string> LineTags = new(StringComparer.OrdinalIgnoreCase) { "br", "li", "tr", "dt", "dd", "option" };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "audio", "video",
        "select", "datalist", "head", "nav", "button",
    };

    /// <summary>Page chrome when it belongs to the page rather than to an article or section.</summary>
    private static readonly HashSet<string> ChromeTags = new(StringComparer.OrdinalIgnoreCase) { "header", "footer", "aside" };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search",
    };

    /// <summary>The pieces of <paramref name="roots"/> (a document's body, or the nodes of a fragment), in order.</summary>
    public static List<HtmlPiece> Read(IEnumerable<INode> roots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var writer = new PieceWriter();
        var stack = new Stack<(INode Node, bool Leaving)>();
        foreach (var root in roots.Reverse())
        {
            stack.Push((root, false));
        }

        var visited = 0;
        while (stack.Count > 0)
        {
            if (++visited % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (node, leaving) = stack.Pop();
            if (node is IText text)
            {
                writer.Text(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (leaving)
            {
                writer.Leave(name);
                continue;
            }

            if (IsDropped(element))
            {
                continue;
            }

            if (HeadingLevel(name) is { } level)
            {
                writer.Heading(level, TextOf(element));
                continue;
            }

            writer.Enter(name);
            stack.Push((element, true));
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, false));
            }
        }

        return writer.Finish();
    }

    /// <summary>The visible text under <paramref name="element"/>, spaces collapsed (walked without recursion).</summary>
    public static string TextOf(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var builder = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                builder.Append(text.Data).Append(' ');
                continue;
            }

            if (node is IElement child && (child == element || !IsDropped(child)))
            {
                for (var inner = child.LastChild; inner is not null; inner = inner.PreviousSibling)
                {
                    stack.Push(inner);
                }
            }
        }

        return TextCleanup.CollapseSpaces(TextCleanup.Normalize(builder.ToString()));
    }

    private static bool IsDropped(IElement element)
    {
        if (SkippedTags.Contains(element.LocalName) || element.HasAttribute("hidden"))
        {
            return true;
        }

        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || (element.GetAttribute("role") is { } role && ChromeRoles.Contains(role.Trim())))
        {
            return true;
        }

        if (ChromeTags.Contains(element.LocalName) && element.Closest("article, main, section") is null)
        {
            return true;
        }

        var style = element.GetAttribute("style")?.Replace(" ", string.Empty, StringComparison.Ordinal);
        return style is not null
            && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase));
    }

    private static int? HeadingLevel(string name) =>
        name.Length == 2 && name[0] is 'h' or 'H' && name[1] is >= '1' and <= '6' ? name[1] - '0' : null;

    /// <summary>Turns enter/leave/text events into pieces, merging breaks so that blank runs never pile up.</summary>
    private sealed class PieceWriter
    {
        private readonly List<HtmlPiece> _pieces = [];
        private readonly StringBuilder _text = new();
        private int _preDepth;
        private int _listDepth;
        private bool _cellInRow;

        public void Text(string data)
        {
            var text = TextCleanup.Normalize(data);
            if (_preDepth == 0)
            {
                _text.Append(text.Replace('\n', ' '));
                return;
            }

            // Preformatted text keeps its lines.
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    FlushText();
                    _pieces.Add(new HtmlPiece(HtmlPieceKind.LineBreak));
                }

                _text.Append(lines[i]);
            }
        }

        public void Heading(int level, string text)
        {
            Break(HtmlPieceKind.ParagraphBreak);
            if (text.Length > 0)
            {
                _pieces.Add(new HtmlPiece(HtmlPieceKind.Heading, text.Length > 300 ? text[..300] : text, level));
            }
        }

        public void Enter(string name)
        {
            if (name.Equals("pre", StringComparison.OrdinalIgnoreCase))
            {
                _preDepth++;
            }

            if (name.Equals("tr", StringComparison.OrdinalIgnoreCase))
            {
                _cellInRow = false;
            }

            if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                if (_cellInRow && _text.ToString().Trim().Length > 0)
                {
                    // Between filled cells only: an empty cell would start the line with a bare "|".
                    _text.Append(" | ");
                }

                _cellInRow = true;
                return;
            }

            BreakFor(name);
            if (IsList(name))
            {
                _listDepth++;
            }
        }

        public void Leave(string name)
        {
            if (IsList(name) && _listDepth > 0)
            {
                _listDepth--;
            }

            if (name.Equals("pre", StringComparison.OrdinalIgnoreCase) && _preDepth > 0)
            {
                _preDepth--;
            }

            if (name.Equals("table", StringComparison.OrdinalIgnoreCase) || name.Equals("tr", StringComparison.OrdinalIgnoreCase))
            {
                _cellInRow = false;
            }

            if (!name.Equals("td", StringComparison.OrdinalIgnoreCase) && !name.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                BreakFor(name);
            }
        }

        public List<HtmlPiece> Finish()
        {
            FlushText();
            return _pieces;
        }

        private static bool IsList(string name) =>
            name.Equals("ul", StringComparison.OrdinalIgnoreCase) || name.Equals("ol", StringComparison.OrdinalIgnoreCase) || name.Equals("dl", StringComparison.OrdinalIgnoreCase);

        private void BreakFor(string name)
        {
            if (IsList(name) && _listDepth > 0)
            {
                // A list inside a list item continues the outer list's lines.
                Break(HtmlPieceKind.LineBreak);
            }
            else if (ParagraphTags.Contains(name))
            {
                Break(HtmlPieceKind.ParagraphBreak);
            }
            else if (LineTags.Contains(name))
            {
                Break(HtmlPieceKind.LineBreak);
            }
        }

        private void Break(HtmlPieceKind kind)
        {
            FlushText();
            if (_pieces.Count > 0 && _pieces[^1].Kind != HtmlPieceKind.Heading)
            {
                var last = _pieces[^1].Kind;
                if (last == HtmlPieceKind.ParagraphBreak || (last == HtmlPieceKind.LineBreak && kind == HtmlPieceKind.LineBreak))
                {
                    return;
                }

                if (last == HtmlPieceKind.LineBreak)
                {
                    _pieces[^1] = new HtmlPiece(kind);
                    return;
                }
            }

            _pieces.Add(new HtmlPiece(kind));
        }

        private void FlushText()
        {
            if (_text.Length == 0)
            {
                return;
            }

            var text = _text.ToString();
            _text.Clear();
            if (text.Trim().Length > 0)
            {
                _pieces.Add(new HtmlPiece(HtmlPieceKind.Text, text));
            }
        }
    }
}
