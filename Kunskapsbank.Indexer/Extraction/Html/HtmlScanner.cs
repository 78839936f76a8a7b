using System.Net;
using System.Text;

namespace Kunskapsbank.Indexer.Extraction.Html;

/// <summary>One piece of an HTML page as a reader sees it, in order.</summary>
/// <param name="Kind">Text, a line break, a paragraph break or a heading.</param>
/// <param name="Text">The text (whitespace collapsed unless preformatted) or the heading's text.</param>
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

/// <summary>A tolerant, non-recursive HTML scanner that keeps only visible text and the page structure.</summary>
/// <remarks>No tree is built, so neither deep nesting nor unclosed tags can exhaust the stack: tags only switch
/// states. Script, style, template, noscript, svg, elements marked hidden and comments are skipped; the title and a
/// few meta tags are kept apart as properties.</remarks>
public sealed class HtmlScanner
{
    private static readonly HashSet<string> ParagraphTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote", "pre", "table",
        "ul", "ol", "dl", "figure", "figcaption", "form", "fieldset", "address", "details", "summary", "hr", "body",
        "html", "caption", "center", "legend", "menu", "dialog",
    };

    private static readonly HashSet<string> LineTags = new(StringComparer.OrdinalIgnoreCase) { "br", "li", "tr", "dt", "dd", "option" };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "audio", "video", "select", "datalist",
    };

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private readonly string _html;
    private readonly List<HtmlPiece> _pieces = [];
    private readonly StringBuilder _text = new();
    private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);
    private int _position;
    private int _preDepth;
    private int? _headingLevel;
    private StringBuilder? _heading;
    private bool _cellInRow;

    private HtmlScanner(string html) => _html = html;

    /// <summary>The page's pieces in order.</summary>
    public IReadOnlyList<HtmlPiece> Pieces => _pieces;

    /// <summary>The &lt;title&gt; text, if any.</summary>
    public string? Title { get; private set; }

    /// <summary>&lt;meta name=… content=…&gt; values (author, description, keywords), names in lower case.</summary>
    public IReadOnlyDictionary<string, string> Meta => _meta;

    /// <summary>Scans <paramref name="html"/> once from start to end.</summary>
    public static HtmlScanner Scan(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scanner = new HtmlScanner(html);
        scanner.Run();
        return scanner;
    }

    private void Run()
    {
        while (_position < _html.Length)
        {
            var lt = _html.IndexOf('<', _position);
            if (lt < 0)
            {
                AppendText(_html[_position..], raw: false);
                break;
            }

            if (lt > _position)
            {
                AppendText(_html[_position..lt], raw: false);
            }

            _position = lt;
            if (Follows("<!--"))
            {
                SkipPast("-->", _position + 4);
            }
            else if (Follows("<!") || Follows("<?"))
            {
                SkipPast(">", _position + 2);
            }
            else if (lt + 1 < _html.Length && (char.IsAsciiLetter(_html[lt + 1]) || (_html[lt + 1] == '/' && lt + 2 < _html.Length && char.IsAsciiLetter(_html[lt + 2]))))
            {
                ReadTag();
            }
            else
            {
                // A lone "<" in text ("a < b"): it is text.
                AppendText("<", raw: true);
                _position++;
            }
        }

        FlushText();
        EndHeading();
    }

    private void ReadTag()
    {
        var closing = _html[_position + 1] == '/';
        var nameStart = _position + (closing ? 2 : 1);
        var nameEnd = nameStart;
        while (nameEnd < _html.Length && (char.IsAsciiLetterOrDigit(_html[nameEnd]) || _html[nameEnd] is '-' or ':' or '_'))
        {
            nameEnd++;
        }

        var name = _html[nameStart..nameEnd];
        var tagEnd = FindTagEnd(nameEnd);
        var attributes = _html[nameEnd..Math.Max(nameEnd, tagEnd - 1)];
        _position = tagEnd;
        if (closing)
        {
            OnEndTag(name);
        }
        else
        {
            OnStartTag(name, attributes);
        }
    }

    private int FindTagEnd(int from)
    {
        // Quoted attribute values may hold ">"; an unterminated quote must not swallow the rest of the page.
        char? quote = null;
        for (var i = from; i < _html.Length; i++)
        {
            var c = _html[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else if (c == '<' && i - from > 4096)
                {
                    return i;
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return _html.Length;
    }

    private void OnStartTag(string name, string attributes)
    {
        if (name.Equals("title", StringComparison.OrdinalIgnoreCase))
        {
            var end = IndexOfIgnoreCase("</title", _position);
            var raw = end < 0 ? string.Empty : _html[_position..end];
            Title ??= Clean(raw);
            _position = end < 0 ? _position : end;
            return;
        }

        if (name.Equals("meta", StringComparison.OrdinalIgnoreCase))
        {
            if (Attribute(attributes, "name") is { } metaName && Attribute(attributes, "content") is { } content)
            {
                _meta.TryAdd(metaName.ToLowerInvariant(), Clean(content));
            }

            return;
        }

        if (SkippedTags.Contains(name) || IsHidden(attributes))
        {
            if (!VoidTags.Contains(name) && !attributes.TrimEnd().EndsWith('/'))
            {
                SkipElement(name);
            }

            return;
        }

        if (name.Length == 2 && name[0] is 'h' or 'H' && name[1] is >= '1' and <= '6')
        {
            EndHeading();
            Break(HtmlPieceKind.ParagraphBreak);
            _headingLevel = name[1] - '0';
            _heading = new StringBuilder();
            return;
        }

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
            if (_cellInRow)
            {
                AppendText(" | ", raw: true);
            }

            _cellInRow = true;
            return;
        }

        BreakFor(name);
    }

    private void OnEndTag(string name)
    {
        if (name.Length == 2 && name[0] is 'h' or 'H' && name[1] is >= '1' and <= '6')
        {
            EndHeading();
            return;
        }

        if (name.Equals("pre", StringComparison.OrdinalIgnoreCase) && _preDepth > 0)
        {
            _preDepth--;
        }

        if (name.Equals("table", StringComparison.OrdinalIgnoreCase) || name.Equals("tr", StringComparison.OrdinalIgnoreCase))
        {
            _cellInRow = false;
        }

        BreakFor(name);
    }

    private void BreakFor(string name)
    {
        if (ParagraphTags.Contains(name))
        {
            EndHeading();
            Break(HtmlPieceKind.ParagraphBreak);
        }
        else if (LineTags.Contains(name))
        {
            Break(HtmlPieceKind.LineBreak);
        }
    }

    private void Break(HtmlPieceKind kind)
    {
        if (_heading is not null)
        {
            _heading.Append(' ');
            return;
        }

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

    private void EndHeading()
    {
        if (_heading is null || _headingLevel is null)
        {
            return;
        }

        var text = TextCleanup.CollapseSpaces(_heading.ToString());
        _heading = null;
        var level = _headingLevel.Value;
        _headingLevel = null;
        if (text.Length > 0)
        {
            _pieces.Add(new HtmlPiece(HtmlPieceKind.Heading, text.Length > 300 ? text[..300] : text, level));
        }
    }

    private void AppendText(string text, bool raw)
    {
        var decoded = raw ? text : TextCleanup.Normalize(WebUtility.HtmlDecode(text));
        if (_heading is not null)
        {
            _heading.Append(decoded.Replace('\n', ' '));
            return;
        }

        if (_preDepth > 0)
        {
            // Preformatted text keeps its lines.
            var lines = decoded.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    FlushText();
                    _pieces.Add(new HtmlPiece(HtmlPieceKind.LineBreak));
                }

                _text.Append(lines[i]);
            }

            return;
        }

        _text.Append(decoded.Replace('\n', ' '));
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

    private void SkipElement(string name)
    {
        // Raw-text elements end at the first closing tag; the others may nest themselves (svg in svg).
        var rawText = name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase);
        var depth = 1;
        var search = _position;
        while (depth > 0)
        {
            var close = IndexOfIgnoreCase("</" + name, search);
            if (close < 0)
            {
                _position = _html.Length;
                return;
            }

            if (!rawText)
            {
                var open = IndexOfIgnoreCase("<" + name, search);
                while (open >= 0 && open < close)
                {
                    var after = open + name.Length + 1;
                    if (after < _html.Length && !char.IsAsciiLetterOrDigit(_html[after]) && _html[after] != '-')
                    {
                        depth++;
                    }

                    open = IndexOfIgnoreCase("<" + name, after);
                }
            }

            depth--;
            search = close + name.Length + 2;
        }

        _position = Math.Min(_html.Length, FindTagEnd(search));
    }

    private bool Follows(string token) => string.CompareOrdinal(_html, _position, token, 0, token.Length) == 0;

    private void SkipPast(string terminator, int from)
    {
        var end = _html.IndexOf(terminator, Math.Min(from, _html.Length), StringComparison.Ordinal);
        _position = end < 0 ? _html.Length : end + terminator.Length;
    }

    private int IndexOfIgnoreCase(string token, int from) =>
        from >= _html.Length ? -1 : _html.IndexOf(token, from, StringComparison.OrdinalIgnoreCase);

    private static bool IsHidden(string attributes)
    {
        if (attributes.Length == 0)
        {
            return false;
        }

        if (Attribute(attributes, "hidden") is not null || Attribute(attributes, "aria-hidden")?.Equals("true", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        var style = Attribute(attributes, "style")?.Replace(" ", string.Empty, StringComparison.Ordinal);
        return style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Attribute(string attributes, string name)
    {
        var i = 0;
        while (i < attributes.Length)
        {
            while (i < attributes.Length && (char.IsWhiteSpace(attributes[i]) || attributes[i] == '/'))
            {
                i++;
            }

            var start = i;
            while (i < attributes.Length && !char.IsWhiteSpace(attributes[i]) && attributes[i] is not ('=' or '/'))
            {
                i++;
            }

            var key = attributes[start..i];
            while (i < attributes.Length && char.IsWhiteSpace(attributes[i]))
            {
                i++;
            }

            string value = string.Empty;
            if (i < attributes.Length && attributes[i] == '=')
            {
                i++;
                while (i < attributes.Length && char.IsWhiteSpace(attributes[i]))
                {
                    i++;
                }

                if (i < attributes.Length && attributes[i] is '"' or '\'')
                {
                    var quote = attributes[i];
                    var end = attributes.IndexOf(quote, i + 1);
                    end = end < 0 ? attributes.Length : end;
                    value = attributes[(i + 1)..end];
                    i = Math.Min(attributes.Length, end + 1);
                }
                else
                {
                    var valueStart = i;
                    while (i < attributes.Length && !char.IsWhiteSpace(attributes[i]))
                    {
                        i++;
                    }

                    value = attributes[valueStart..i];
                }
            }

            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return WebUtility.HtmlDecode(value);
            }

            if (key.Length == 0)
            {
                i++;
            }
        }

        return null;
    }

    private static string Clean(string raw) => TextCleanup.CollapseSpaces(TextCleanup.Normalize(WebUtility.HtmlDecode(raw)));
}
