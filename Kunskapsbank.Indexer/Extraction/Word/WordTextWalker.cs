using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Kunskapsbank.Indexer.Extraction.Word;

/// <summary>Collects the visible text of Word XML: field codes never, a table of contents' result never,
/// deleted revisions never, and each text box once.</summary>
/// <remarks>Complex fields (<c>fldChar</c> begin/separate/end) can span paragraphs – a table of contents does –
/// so the field state lives in one walker for the whole body, not per paragraph.</remarks>
public sealed class WordTextWalker
{
    private readonly Stack<OpenField> _fields = new();

    /// <summary>Footnote and endnote references met since the last call to <see cref="TakeNoteReferences"/>.</summary>
    private readonly List<(bool Endnote, long Id)> _noteReferences = [];

    /// <summary>True while inside a field whose text must not be shown (an instruction, or a table of contents).</summary>
    public bool IsHidden => _fields.Any(open => !open.InResult || open.Suppressed);

    /// <summary>The visible text of <paramref name="element"/> (a paragraph or a table cell's paragraph), spaces not yet collapsed.</summary>
    public string TextOf(OpenXmlElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var builder = new StringBuilder();
        Visit(element, builder);
        return builder.ToString();
    }

    /// <summary>Note references seen so far, in order; the list is cleared.</summary>
    public List<(bool Endnote, long Id)> TakeNoteReferences()
    {
        var taken = _noteReferences.ToList();
        _noteReferences.Clear();
        return taken;
    }

    private void Visit(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    if (!IsHidden)
                    {
                        text.Append(t.Text);
                    }

                    break;
                case FieldChar fieldChar:
                    OnFieldChar(fieldChar);
                    break;
                case FieldCode code:
                    if (_fields.TryPeek(out var open) && !open.InResult)
                    {
                        open.Instruction.Append(code.Text);
                    }

                    break;
                case SimpleField simple:
                    if (!IsSuppressedInstruction(simple.Instruction?.Value))
                    {
                        Visit(simple, text);
                    }

                    break;
                case TabChar or PositionalTab or Break or CarriageReturn:
                    if (!IsHidden)
                    {
                        text.Append(' ');
                    }

                    break;
                case NoBreakHyphen:
                    if (!IsHidden)
                    {
                        text.Append('-');
                    }

                    break;
                case FootnoteReference footnote when footnote.Id?.Value is { } footnoteId:
                    _noteReferences.Add((false, footnoteId));
                    break;
                case EndnoteReference endnote when endnote.Id?.Value is { } endnoteId:
                    _noteReferences.Add((true, endnoteId));
                    break;
                case DeletedText or DeletedRun or DeletedFieldCode or SoftHyphen or AlternateContentFallback:
                    // Tracked deletions are not the document's text; a Fallback repeats its Choice (old VML copy of a text box).
                    break;
                case Paragraph:
                    // A paragraph inside a run: a text box. Keep it apart from the surrounding words.
                    text.Append(' ');
                    Visit(child, text);
                    text.Append(' ');
                    break;
                default:
                    Visit(child, text);
                    break;
            }
        }
    }

    private void OnFieldChar(FieldChar fieldChar)
    {
        var type = fieldChar.FieldCharType?.Value;
        if (type == FieldCharValues.Begin)
        {
            _fields.Push(new OpenField());
        }
        else if (type == FieldCharValues.Separate && _fields.TryPeek(out var field))
        {
            field.InResult = true;
            field.Suppressed = IsSuppressedInstruction(field.Instruction.ToString());
        }
        else if (type == FieldCharValues.End)
        {
            _fields.TryPop(out _);
        }
    }

    private static bool IsSuppressedInstruction(string? instruction)
    {
        // A table of contents, index or table of authorities only repeats the document's own headings and words.
        var keyword = instruction?.Trim().Split(' ', 2)[0];
        return keyword is not null && (keyword.Equals("TOC", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("INDEX", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("TOA", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class OpenField
    {
        public StringBuilder Instruction { get; } = new();

        public bool InResult { get; set; }

        public bool Suppressed { get; set; }
    }
}
