using System.Globalization;
using System.Text;

namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Collects passages in document order, keeps their offsets and enforces the text cap. The one place where
/// the passage rule lives, so every format follows it.</summary>
/// <remarks>
/// The rule: a passage is a paragraph a person can read aloud – a few sentences, at most
/// <see cref="TargetPassageChars"/> characters, never across a page or a heading (each call to
/// <see cref="AddParagraphs"/> is one page or one section). Short fragments (list items, one-line paragraphs, under
/// <see cref="ShortParagraphChars"/>) join their neighbours up to that size; a long paragraph is cut at sentence
/// boundaries by <see cref="ParagraphSplitter"/>. Offsets follow the <see cref="ExtractedPassage"/> contract:
/// passages joined by "\n\n".
/// </remarks>
public sealed class PassageBuilder
{
    /// <summary>A passage holds at most this many characters (about a minute read aloud).</summary>
    public const int TargetPassageChars = 800;

    /// <summary>A paragraph shorter than this is a fragment that joins its neighbours.</summary>
    public const int ShortParagraphChars = 200;

    private const string Separator = "\n\n";

    private readonly List<ExtractedPassage> _passages = [];
    private readonly List<string> _notes = [];
    private readonly int _maxChars;

    // The passage being joined, reused for every page and section: a builder per call grew its chunks anew each time.
    private readonly StringBuilder _current = new(TargetPassageChars + Separator.Length);
    private int _length;

    /// <summary>Starts an empty document that may hold at most <paramref name="maxChars"/> characters of text.</summary>
    public PassageBuilder(int maxChars) => _maxChars = Math.Max(1, maxChars);

    /// <summary>True once the cap was reached; later text is ignored.</summary>
    public bool IsFull { get; private set; }

    /// <summary>Passages so far.</summary>
    public int Count => _passages.Count;

    /// <summary>Adds text whose paragraphs are separated by blank lines (one page or one section).</summary>
    public void Add(string text, int? page, IReadOnlyList<string> headingPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        AddParagraphs(text.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), page, headingPath);
    }

    /// <summary>Adds one page's or one section's paragraphs as passages that follow the rule (see the class remarks).</summary>
    /// <param name="isOcr">The text was read from images by OCR (marked on every passage).</param>
    public void AddParagraphs(IEnumerable<string> paragraphs, int? page, IReadOnlyList<string> headingPath, bool isOcr = false)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var current = _current.Clear();
        var currentIsShort = false;
        foreach (var raw in paragraphs)
        {
            if (IsFull)
            {
                return;
            }

            foreach (var piece in ParagraphSplitter.Split(raw, TargetPassageChars))
            {
                var pieceIsShort = piece.Length < ShortParagraphChars;
                var fits = current.Length + Separator.Length + piece.Length <= TargetPassageChars;
                if (current.Length > 0 && !(fits && (currentIsShort || pieceIsShort)))
                {
                    AddPassage(current.ToString(), page, headingPath, isOcr);
                    current.Clear();
                }

                if (current.Length > 0)
                {
                    current.Append(Separator);
                }

                current.Append(piece);

                // A fragment keeps inviting neighbours until the passage is a paragraph's size.
                currentIsShort = current.Length < ShortParagraphChars || pieceIsShort;
            }
        }

        if (current.Length > 0)
        {
            AddPassage(current.ToString(), page, headingPath, isOcr);
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

    private void AddPassage(string text, int? page, IReadOnlyList<string> headingPath, bool isOcr)
    {
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

        _passages.Add(new ExtractedPassage(text, page, headingPath, start) { IsOcr = isOcr });
        _length = start + text.Length;
    }

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
}

/// <summary>Notes several extractors write in the same words.</summary>
public static class PassageNotes
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The note for text cut at the cap.</summary>
    public static string TextCut(int maxChars) =>
        string.Create(Swedish, $"Texten var för lång; bara de första {maxChars:N0} tecknen indexerades.");
}
