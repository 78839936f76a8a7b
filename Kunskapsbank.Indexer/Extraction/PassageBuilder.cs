using System.Globalization;
using System.Text;

namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Collects passages in document order, keeps their offsets and enforces the text cap.</summary>
/// <remarks>Offsets follow the <see cref="ExtractedPassage"/> contract: passages joined by "\n\n".
/// Long sections are split at paragraph boundaries so that one passage stays a readable answer.</remarks>
public sealed class PassageBuilder
{
    /// <summary>A section is cut into passages of about this many characters (never inside a paragraph unless it is huge).</summary>
    public const int TargetPassageChars = 1500;

    private const string Separator = "\n\n";

    private readonly List<ExtractedPassage> _passages = [];
    private readonly List<string> _notes = [];
    private readonly int _maxChars;
    private int _length;

    /// <summary>Starts an empty document that may hold at most <paramref name="maxChars"/> characters of text.</summary>
    public PassageBuilder(int maxChars) => _maxChars = Math.Max(1, maxChars);

    /// <summary>True once the cap was reached; later text is ignored.</summary>
    public bool IsFull { get; private set; }

    /// <summary>Passages so far.</summary>
    public int Count => _passages.Count;

    /// <summary>Adds one passage as is (a PDF page); blank text is skipped.</summary>
    public void Add(string text, int? page, IReadOnlyList<string> headingPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0 || IsFull)
        {
            return;
        }

        var start = _passages.Count == 0 ? 0 : _length + Separator.Length;
        var room = _maxChars - start;
        if (text.Length > room)
        {
            text = CutAt(text, room);
            IsFull = true;
            Note(PassageNotes.TextCut(_maxChars));
            if (text.Length == 0)
            {
                return;
            }
        }

        _passages.Add(new ExtractedPassage(text, page, headingPath, start));
        _length = start + text.Length;
    }

    /// <summary>Adds a section's paragraphs, grouped into passages of about <see cref="TargetPassageChars"/> characters.</summary>
    public void AddParagraphs(IEnumerable<string> paragraphs, int? page, IReadOnlyList<string> headingPath)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var current = new StringBuilder();
        foreach (var raw in paragraphs)
        {
            if (IsFull)
            {
                return;
            }

            var paragraph = raw.Trim();
            if (paragraph.Length == 0)
            {
                continue;
            }

            foreach (var piece in SplitHugeParagraph(paragraph))
            {
                if (current.Length > 0 && current.Length + Separator.Length + piece.Length > TargetPassageChars)
                {
                    Add(current.ToString(), page, headingPath);
                    current.Clear();
                }

                if (current.Length > 0)
                {
                    current.Append(Separator);
                }

                current.Append(piece);
            }
        }

        if (current.Length > 0)
        {
            Add(current.ToString(), page, headingPath);
        }
    }

    /// <summary>Records a Swedish note for the indexing report (once, however often it is said).</summary>
    public void Note(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }

    /// <summary>The finished document.</summary>
    public ExtractedDocument Build(DocumentProperties properties) => new(properties, _passages.ToArray(), _notes.ToArray());

    private static string CutAt(string text, int length)
    {
        if (length <= 0)
        {
            return string.Empty;
        }

        // Never leave half a surrogate pair behind.
        if (char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length].TrimEnd();
    }

    private static IEnumerable<string> SplitHugeParagraph(string paragraph)
    {
        // A text without blank lines (a log, one giant line) must still become passages of answer size.
        const int Huge = TargetPassageChars * 2;
        var start = 0;
        while (paragraph.Length - start > Huge)
        {
            var window = paragraph.AsSpan(start, TargetPassageChars);
            var cut = window.LastIndexOf(". ");
            if (cut < TargetPassageChars / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            var end = cut < TargetPassageChars / 4 ? start + TargetPassageChars : start + cut + 1;
            if (char.IsHighSurrogate(paragraph[end - 1]))
            {
                end--;
            }

            yield return paragraph[start..end].Trim();
            start = end;
        }

        yield return paragraph[start..].Trim();
    }
}

/// <summary>Notes several extractors write in the same words.</summary>
public static class PassageNotes
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The note for text cut at the cap.</summary>
    public static string TextCut(int maxChars) =>
        string.Create(Swedish, $"Texten var för lång; bara de första {maxChars:N0} tecknen indexerades.");
}
