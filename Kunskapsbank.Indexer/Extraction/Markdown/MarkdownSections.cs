using AngleSharp.Html.Parser;
using Kunskapsbank.Indexer.Extraction.Html;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>A run of paragraphs under one heading path.</summary>
/// <param name="HeadingPath">Headings above the paragraphs, outermost first.</param>
/// <param name="Paragraphs">Plain-text paragraphs (list items and table rows one per line).</param>
public sealed record MarkdownSection(IReadOnlyList<string> HeadingPath, IReadOnlyList<string> Paragraphs);

/// <summary>Splits a Markdig document into sections at headings (ATX and setext) and turns blocks into plain paragraphs.</summary>
/// <remarks>
/// Walked with its own stack. A tight list (no blank lines between items) is one paragraph with an item per line,
/// and so are lists that follow each other without a blank line; in a loose list every item is a paragraph.
/// A table is one paragraph, a row per line, cells joined by " | ". Code keeps its lines; HTML blocks give their
/// visible text; link reference definitions and thematic breaks give none.
/// </remarks>
public sealed class MarkdownSections
{
    private readonly string _source;
    private readonly CancellationToken _cancellationToken;
    private readonly List<MarkdownSection> _sections = [];
    private readonly string?[] _headings = new string?[6];
    private readonly List<string> _paragraphs = [];
    private readonly List<string> _lines = [];
    private readonly MarkdownInlineText _inlineText = new();
    private int _linesEnd = -1;

    private MarkdownSections(string source, CancellationToken cancellationToken)
    {
        _source = source;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The sections of <paramref name="document"/> (parsed from <paramref name="source"/>) in order;
    /// text before the first heading has an empty path.</summary>
    public static List<MarkdownSection> Read(MarkdownDocument document, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(source);
        var reader = new MarkdownSections(source, cancellationToken);
        reader.Walk(document);
        reader.FlushLines();
        reader.FlushSection();
        return reader._sections;
    }

    private void Walk(MarkdownDocument document)
    {
        var stack = new Stack<(Block Block, bool AsLines)>();
        PushChildren(stack, document, asLines: false);
        var visited = 0;
        while (stack.Count > 0)
        {
            if (++visited % 1024 == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            var (block, asLines) = stack.Pop();
            switch (block)
            {
                case YamlFrontMatterBlock or LinkReferenceDefinitionGroup or LinkReferenceDefinition:
                    break;
                case HeadingBlock heading:
                    StartHeading(heading.Level, _inlineText.Of(heading.Inline));
                    break;
                case ThematicBreakBlock:
                    FlushLines();
                    break;
                case ListBlock list:
                    var listAsLines = asLines || !list.IsLoose;
                    if (listAsLines && !asLines && !ContinuesLines(list))
                    {
                        FlushLines();
                    }

                    PushChildren(stack, list, listAsLines);
                    break;
                case Table table:
                    AddParagraph(string.Join('\n', TableRows(table)));
                    break;
                case CodeBlock code:
                    // Fenced and indented code: its lines as written.
                    var codeText = string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => TextCleanup.CollapseSpaces(l.Slice.ToString())).Where(l => l.Length > 0));
                    Add(codeText, asLines, block);
                    break;
                case HtmlBlock html:
                    if (html.Type != HtmlBlockType.Comment)
                    {
                        foreach (var paragraph in HtmlText(html))
                        {
                            Add(paragraph, asLines, block);
                        }
                    }

                    break;
                case LeafBlock leaf:
                    Add(_inlineText.Of(leaf.Inline), asLines, block);
                    break;
                case ContainerBlock container:
                    PushChildren(stack, container, asLines);
                    break;
            }
        }
    }

    private static void PushChildren(Stack<(Block, bool)> stack, ContainerBlock container, bool asLines)
    {
        for (var i = container.Count - 1; i >= 0; i--)
        {
            stack.Push((container[i], asLines));
        }
    }

    private void Add(string text, bool asLine, Block block)
    {
        if (!asLine)
        {
            AddParagraph(text);
            return;
        }

        if (text.Length > 0)
        {
            _lines.Add(text);
        }

        _linesEnd = Math.Max(_linesEnd, block.Span.End);
    }

    private void AddParagraph(string text)
    {
        FlushLines();
        if (text.Length > 0)
        {
            _paragraphs.Add(text);
        }
    }

    /// <summary>True when <paramref name="list"/> follows the previous lines with no blank line between.</summary>
    private bool ContinuesLines(ListBlock list)
    {
        if (_lines.Count == 0)
        {
            return false;
        }

        var start = Math.Clamp(list.Span.Start, 0, _source.Length);
        var from = Math.Clamp(_linesEnd + 1, 0, start);
        return _source.AsSpan(from, start - from).Count('\n') <= 1;
    }

    private void FlushLines()
    {
        if (_lines.Count > 0)
        {
            _paragraphs.Add(string.Join('\n', _lines));
            _lines.Clear();
        }

        _linesEnd = -1;
    }

    private void StartHeading(int level, string text)
    {
        FlushLines();
        FlushSection();
        level = Math.Clamp(level, 1, _headings.Length);
        _headings[level - 1] = text.Length > 0 ? text : null;
        Array.Fill(_headings, null, level, _headings.Length - level);
    }

    private void FlushSection()
    {
        if (_paragraphs.Count > 0)
        {
            var path = _headings.Where(h => h is not null).Select(h => h!).ToArray();
            _sections.Add(new MarkdownSection(path, _paragraphs.ToArray()));
            _paragraphs.Clear();
        }
    }

    private IEnumerable<string> TableRows(Table table)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = row.OfType<TableCell>()
                .Select(cell => string.Join(' ', cell.OfType<LeafBlock>().Select(leaf => _inlineText.Of(leaf.Inline))).Trim())
                .Where(cell => cell.Length > 0);
            var line = string.Join(" | ", cells);
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <summary>The visible text of an HTML block, read as HTML pages are (AngleSharp, same rules).</summary>
    private IEnumerable<string> HtmlText(HtmlBlock html)
    {
        var markup = string.Join('\n', html.Lines.Lines.Take(html.Lines.Count).Select(l => l.Slice.ToString()));
        using var document = new HtmlParser().ParseDocument(HtmlNestingGuard.Flatten(markup, _cancellationToken) ?? markup);
        var line = new List<string>();
        foreach (var piece in HtmlPieces.Read(document.Body is { } body ? [body] : [], _cancellationToken))
        {
            if (piece.Kind is HtmlPieceKind.Text or HtmlPieceKind.Heading)
            {
                line.Add(piece.Text);
                continue;
            }

            if (line.Count > 0)
            {
                yield return TextCleanup.CollapseSpaces(string.Concat(line));
                line.Clear();
            }
        }

        if (line.Count > 0)
        {
            yield return TextCleanup.CollapseSpaces(string.Concat(line));
        }
    }
}
