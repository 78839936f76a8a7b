using System.Text.RegularExpressions;

namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>Markdown: front matter becomes properties, headings (ATX and setext) start passages, syntax is stripped.</summary>
public sealed partial class MarkdownExtractor : ITextExtractor
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    /// <inheritdoc />
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (InputChecks.CheckSize(path, limits) is { } failure)
        {
            return failure;
        }

        var read = TextFileReader.Read(path, limits.MaxTextChars, cancellationToken);
        var text = TextCleanup.Normalize(read.Text);
        var builder = new PassageBuilder(limits.MaxTextChars);
        if (read.Truncated)
        {
            builder.Note(PassageNotes.TextCut(limits.MaxTextChars));
        }

        var frontMatter = FrontMatter.Parse(text);
        var properties = DocumentProperties.Empty;
        if (frontMatter is not null)
        {
            foreach (var problem in frontMatter.Problems)
            {
                builder.Note(problem);
            }

            properties = ToProperties(frontMatter.Fields);
            text = text[frontMatter.BodyStart..];
        }

        foreach (var section in MarkdownSections.Read(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.AddParagraphs(section.Paragraphs, page: null, section.HeadingPath);
        }

        if (builder.Count == 0)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Empty, "Markdown-filen innehåller ingen text.");
        }

        return ExtractionResult.Success(builder.Build(properties));
    }

    private static DocumentProperties ToProperties(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        string? Single(string key) => fields.TryGetValue(key, out var values) && values.Count > 0 && values[0].Length > 0 ? values[0] : null;

        return new DocumentProperties(
            Title: Single("title"),
            Author: Single("author"),
            Subject: Single("subject") ?? Single("description"),
            Keywords: fields.TryGetValue("keywords", out var keywords) && keywords.Count > 0 ? keywords : null,
            Created: DateTimeOffset.TryParse(Single("date"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null,
            Fields: fields);
    }
}

/// <summary>A run of paragraphs under one heading path.</summary>
/// <param name="HeadingPath">Headings above the paragraphs, outermost first.</param>
/// <param name="Paragraphs">Plain-text paragraphs (list items and table rows one per line).</param>
public sealed record MarkdownSection(IReadOnlyList<string> HeadingPath, IReadOnlyList<string> Paragraphs);

/// <summary>Splits a Markdown body into sections at headings and turns blocks into plain paragraphs.</summary>
public static partial class MarkdownSections
{
    /// <summary>The sections of <paramref name="body"/> in order; text before the first heading has an empty path.</summary>
    public static List<MarkdownSection> Read(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var reader = new BlockReader();
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            reader.Accept(lines[i]);
        }

        return reader.Finish();
    }

    [GeneratedRegex(@"^ {0,3}(?<marks>#{1,6})(?:[ \t]+(?<text>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}=+[ \t]*$")]
    private static partial Regex SetextLevel1();

    [GeneratedRegex(@"^ {0,3}-+[ \t]*$")]
    private static partial Regex SetextLevel2();

    [GeneratedRegex(@"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?<text>.*))?$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*\S+")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^ {0,3}>[ ]?")]
    private static partial Regex QuoteMarker();

    private enum BlockKind
    {
        Prose,
        Lines,
    }

    private sealed class BlockReader
    {
        private readonly List<MarkdownSection> _sections = [];
        private readonly string?[] _headings = new string?[6];
        private readonly List<string> _paragraphs = [];
        private readonly List<string> _block = [];
        private BlockKind _kind = BlockKind.Prose;
        private string? _fence;
        private bool _inHtmlComment;

        public void Accept(string rawLine)
        {
            var line = rawLine.TrimEnd();
            if (_fence is not null)
            {
                if (line.TrimStart().StartsWith(_fence, StringComparison.Ordinal))
                {
                    _fence = null;
                    FlushBlock();
                }
                else
                {
                    _block.Add(line);
                }

                return;
            }

            if (_inHtmlComment)
            {
                if (line.Contains("-->", StringComparison.Ordinal))
                {
                    _inHtmlComment = false;
                }

                return;
            }

            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal) && !line.Contains("-->", StringComparison.Ordinal))
            {
                _inHtmlComment = true;
                return;
            }

            while (QuoteMarker().Match(line) is { Success: true } quote)
            {
                line = line[quote.Length..];
            }

            if (line.Trim().Length == 0)
            {
                FlushBlock();
                return;
            }

            if (FenceOpen().Match(line) is { Success: true } fence)
            {
                FlushBlock();
                _fence = fence.Groups["fence"].Value;
                _kind = BlockKind.Lines;
                return;
            }

            if (AtxHeading().Match(line) is { Success: true } atx)
            {
                StartHeading(atx.Groups["marks"].Length, atx.Groups["text"].Value);
                return;
            }

            if (_kind == BlockKind.Prose && _block.Count > 0 && SetextLevel1().IsMatch(line))
            {
                var title = string.Join(' ', _block);
                _block.Clear();
                StartHeading(1, title);
                return;
            }

            if (_kind == BlockKind.Prose && _block.Count > 0 && SetextLevel2().IsMatch(line))
            {
                var title = string.Join(' ', _block);
                _block.Clear();
                StartHeading(2, title);
                return;
            }

            if (ThematicBreak().IsMatch(line) || LinkDefinition().IsMatch(line))
            {
                FlushBlock();
                return;
            }

            if (TableSeparator().IsMatch(line) && line.Contains('-', StringComparison.Ordinal) && (line.Contains('|', StringComparison.Ordinal) || _kind == BlockKind.Lines))
            {
                return;
            }

            if (line.TrimStart().StartsWith('|'))
            {
                var cells = line.Trim().Trim('|').Split('|').Select(cell => MarkdownInline.Strip(cell).Trim()).Where(cell => cell.Length > 0);
                AddLine(BlockKind.Lines, string.Join(" | ", cells));
                return;
            }

            if (ListItem().Match(line) is { Success: true } item)
            {
                AddLine(BlockKind.Lines, MarkdownInline.Strip(item.Groups["text"].Value.Trim()));
                return;
            }

            var text = MarkdownInline.Strip(line.Trim());
            if (_kind == BlockKind.Lines && _block.Count > 0 && rawLine.StartsWith(' '))
            {
                // An indented line after a list item continues that item.
                _block[^1] = $"{_block[^1]} {text}";
                return;
            }

            AddLine(BlockKind.Prose, text);
        }

        public List<MarkdownSection> Finish()
        {
            FlushBlock();
            FlushSection();
            return _sections;
        }

        private void AddLine(BlockKind kind, string text)
        {
            if (_kind != kind)
            {
                FlushBlock();
                _kind = kind;
            }

            if (text.Length > 0)
            {
                _block.Add(text);
            }
        }

        private void FlushBlock()
        {
            if (_block.Count > 0)
            {
                var paragraph = _kind == BlockKind.Prose
                    ? TextCleanup.CollapseSpaces(string.Join(' ', _block))
                    : string.Join('\n', _block.Select(TextCleanup.CollapseSpaces).Where(l => l.Length > 0));
                if (paragraph.Length > 0)
                {
                    _paragraphs.Add(paragraph);
                }

                _block.Clear();
            }

            _kind = BlockKind.Prose;
        }

        private void StartHeading(int level, string rawText)
        {
            FlushBlock();
            FlushSection();
            var text = TextCleanup.CollapseSpaces(MarkdownInline.Strip(rawText));
            _headings[level - 1] = text.Length > 0 ? text : null;
            for (var deeper = level; deeper < _headings.Length; deeper++)
            {
                _headings[deeper] = null;
            }
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
    }
}
