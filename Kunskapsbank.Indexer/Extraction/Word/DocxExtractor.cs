using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Kunskapsbank.Indexer.Extraction.Word;

/// <summary>Word (.docx) through the Open XML SDK: headings start passages, lists and tables become lines,
/// footnotes follow the section that cites them, field codes and the table of contents are left out.</summary>
/// <remarks>Footnotes go at the end of the citing section rather than into a passage of their own: a hit in a
/// footnote then shows the heading it belongs to. Headers and footers are not body text and are not read.</remarks>
public sealed class DocxExtractor : ITextExtractor
{
    private const string Invalid = "Filen är inte ett giltigt Word-dokument (.docx) eller är skadad och kunde inte läsas.";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    /// <inheritdoc />
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if ((InputChecks.CheckSize(path, limits) ?? ZipSafety.Check(path, limits)) is { } failure)
        {
            return failure;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxDecompressedBytes };
            using var document = WordprocessingDocument.Open(stream, isEditable: false, settings);
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body)
            {
                return ExtractionResult.Fail(ExtractionFailureKind.Corrupt, Invalid);
            }

            var builder = new PassageBuilder(limits.MaxTextChars);
            var reader = new BodyReader(new WordStyles(main), ReadNotes(main), builder, cancellationToken);
            reader.Read(body);
            if (builder.Count == 0)
            {
                return ExtractionResult.Fail(ExtractionFailureKind.Empty, "Word-dokumentet innehåller ingen text.");
            }

            return ExtractionResult.Success(builder.Build(Properties(document, reader.TitleParagraph)));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException or NotSupportedException)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Corrupt, Invalid);
        }
    }

    private static Dictionary<(bool Endnote, long Id), string> ReadNotes(MainDocumentPart main)
    {
        var notes = new Dictionary<(bool, long), string>();
        var walker = new WordTextWalker();
        foreach (var footnote in main.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
        {
            if (footnote.Id?.Value is { } id && footnote.Type is null)
            {
                notes[(false, id)] = Clean(walker.TextOf(footnote));
            }
        }

        foreach (var endnote in main.EndnotesPart?.Endnotes?.Elements<Endnote>() ?? [])
        {
            if (endnote.Id?.Value is { } id && endnote.Type is null)
            {
                notes[(true, id)] = Clean(walker.TextOf(endnote));
            }
        }

        return notes;
    }

    private static DocumentProperties Properties(WordprocessingDocument document, string? titleParagraph)
    {
        var core = document.PackageProperties;
        var keywords = core.Keywords?.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new DocumentProperties(
            Title: NullIfBlank(core.Title) ?? titleParagraph,
            Author: NullIfBlank(core.Creator),
            Subject: NullIfBlank(core.Subject) ?? NullIfBlank(core.Description),
            Keywords: keywords is { Length: > 0 } ? keywords : null,
            Created: ToOffset(core.Created),
            Modified: ToOffset(core.Modified));
    }

    private static string? NullIfBlank(string? value)
    {
        var cleaned = value is null ? null : TextCleanup.CollapseSpaces(TextCleanup.Normalize(value));
        return string.IsNullOrEmpty(cleaned) ? null : cleaned;
    }

    private static DateTimeOffset? ToOffset(DateTime? value) =>
        value is { } date ? new DateTimeOffset(date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : date.ToUniversalTime()) : null;

    private static string Clean(string text) => TextCleanup.CollapseSpaces(TextCleanup.Normalize(text));

    /// <summary>Walks the body once, in order, cutting passages at headings.</summary>
    private sealed class BodyReader(WordStyles styles, Dictionary<(bool Endnote, long Id), string> notes, PassageBuilder builder, CancellationToken cancellationToken)
    {
        private readonly WordTextWalker _walker = new();
        private readonly string?[] _headings = new string?[10];
        private readonly List<string> _paragraphs = [];
        private readonly List<string> _listItems = [];
        private readonly List<string> _pendingNotes = [];

        public string? TitleParagraph { get; private set; }

        public void Read(Body body)
        {
            VisitBlocks(body);
            FlushSection();
        }

        private void VisitBlocks(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (element)
                {
                    case Paragraph paragraph:
                        OnParagraph(paragraph);
                        break;
                    case Table table:
                        FlushList();
                        _paragraphs.AddRange(TableParagraphs(table));

                        break;
                    case SectionProperties:
                        break;
                    default:
                        // Content controls, custom XML and the like wrap ordinary paragraphs and tables.
                        VisitBlocks(element);
                        break;
                }

                if (builder.IsFull)
                {
                    return;
                }
            }
        }

        private void OnParagraph(Paragraph paragraph)
        {
            // Always walk the paragraph, even when skipped: a table of contents field opens and closes in it.
            var text = Clean(_walker.TextOf(paragraph));
            CollectNotes();
            var properties = paragraph.ParagraphProperties;
            var style = styles.Resolve(properties?.ParagraphStyleId?.Val?.Value);
            if (style.IsTableOfContents || text.Length == 0)
            {
                if (text.Length == 0)
                {
                    FlushList();
                }

                return;
            }

            var level = properties?.OutlineLevel?.Val?.Value is { } outline && outline < 9 ? outline + 1 : style.HeadingLevel;
            if (level is { } headingLevel)
            {
                StartHeading(headingLevel, text);
                return;
            }

            var numbered = properties?.NumberingProperties?.NumberingId?.Val?.Value is { } numId ? numId != 0 : style.IsList;
            if (numbered)
            {
                _listItems.Add(text);
                return;
            }

            FlushList();
            _paragraphs.Add(text);
        }

        private List<string> TableParagraphs(Table table)
        {
            // Rows become "cell | cell" lines of one paragraph. A row with a single filled cell is layout, not data
            // (court judgments put their whole text in one): its paragraphs stay paragraphs.
            var paragraphs = new List<string>();
            var lines = new List<string>();
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = row.Elements<TableCell>().Select(CellParagraphs).Where(cell => cell.Count > 0).ToList();
                if (cells.Count == 1)
                {
                    FlushLines();
                    paragraphs.AddRange(cells[0]);
                }
                else if (cells.Count > 1)
                {
                    lines.Add(string.Join(" | ", cells.Select(cell => string.Join(' ', cell))));
                }
            }

            FlushLines();
            CollectNotes();
            return paragraphs;

            void FlushLines()
            {
                if (lines.Count > 0)
                {
                    paragraphs.Add(string.Join('\n', lines));
                    lines.Clear();
                }
            }
        }

        private List<string> CellParagraphs(TableCell cell)
        {
            var parts = new List<string>();
            foreach (var element in cell.ChildElements)
            {
                switch (element)
                {
                    case TableCellProperties:
                        break;
                    case Table nested:
                        parts.AddRange(TableParagraphs(nested).Select(text => text.Replace('\n', ' ')));
                        break;
                    default:
                        var text = Clean(_walker.TextOf(element));
                        if (text.Length > 0)
                        {
                            parts.Add(text);
                        }

                        break;
                }
            }

            return parts;
        }

        private void CollectNotes()
        {
            foreach (var reference in _walker.TakeNoteReferences())
            {
                if (notes.TryGetValue(reference, out var note) && note.Length > 0)
                {
                    _pendingNotes.Add(note);
                }
            }
        }

        private void StartHeading(int level, string text)
        {
            FlushSection();
            if (level == 0)
            {
                TitleParagraph ??= text;
            }

            _headings[level] = text;
            for (var deeper = level + 1; deeper < _headings.Length; deeper++)
            {
                _headings[deeper] = null;
            }
        }

        private void FlushList()
        {
            if (_listItems.Count > 0)
            {
                _paragraphs.Add(string.Join('\n', _listItems));
                _listItems.Clear();
            }
        }

        private void FlushSection()
        {
            FlushList();
            _paragraphs.AddRange(_pendingNotes);
            _pendingNotes.Clear();
            if (_paragraphs.Count > 0)
            {
                builder.AddParagraphs(_paragraphs, page: null, HeadingPath());
                _paragraphs.Clear();
            }
        }

        private string[] HeadingPath()
        {
            // The title (level 0) names the whole document; it is the path only until the first real heading.
            var path = _headings.Skip(1).Where(h => h is not null).Select(h => h!).ToArray();
            return path.Length > 0 || _headings[0] is null ? path : [_headings[0]!];
        }
    }
}
