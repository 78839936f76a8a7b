using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Which of a text's analysed tokens an index field takes, and how they are positioned (see <see cref="IndexSchema"/>).</summary>
public enum FieldTokenKind
{
    /// <summary>Whole-word stems and compound parts with their positions (parts at increment 0 behind their word); a stop
    /// word leaves its position empty.</summary>
    Positional,

    /// <summary>Compound parts only, one position each: the positional field less these is the whole-word stems.</summary>
    Parts,

    /// <summary>Exact surface words of whole words, one position each; a stop word once per document.</summary>
    Words,

    /// <summary>Stems and parts but stop words, one position each (passage fields: no phrases run on them).</summary>
    Terms,

    /// <summary>What a zone inverts in place of its positional, parts and word fields: the tokens of
    /// <see cref="Positional"/> at its positions, each whole word spelled as its surface form with its stem and each part
    /// as its marked stem (<see cref="ZoneSpelling"/>); flushing a segment writes the three fields from it
    /// (<see cref="ZonePostingsFormat"/>).</summary>
    Zone,

    /// <summary>What the parts field takes that <see cref="Zone"/> leaves out: compound parts that are stop words.</summary>
    StopParts,

    /// <summary>What the word field takes that <see cref="Zone"/> leaves out: each stop word, once per document, as one
    /// mask term for the words of the stop list (<see cref="StopWordMask"/>).</summary>
    StopWords,
}

/// <summary>The analysed segments (a title, the headings, the passages) of one text of a document, as the index fields read them.</summary>
/// <remarks>A view, not a copy: <see cref="TokenReplay"/> reads the analysed tokens directly, so each field costs no
/// token list of its own (those lists were a third of the allocation of indexing). Segments are joined with
/// <see cref="IndexSchema.PositionGap"/> so a phrase never runs from one into the next.</remarks>
public sealed class FieldTokens
{
    private readonly List<Stretch> _segments = [];
    private int _terms;
    private int _parts;
    private int _words;
    private int _stopWords;
    private int _stopParts;

    /// <summary>Number of segments added (empty ones are skipped).</summary>
    public int SegmentCount => _segments.Count;

    /// <summary>Appends one analysed segment whose offsets start at <paramref name="offset"/>.</summary>
    /// <remarks>Counts what each field takes as it goes, so a field's length and a segment's terms are known without a
    /// pass of their own.</remarks>
    public void Add(IReadOnlyList<Token> tokens, int offset)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            return;
        }

        var array = tokens as Token[] ?? [.. tokens];
        var terms = 0;
        var highest = -1;
        foreach (ref readonly var token in array.AsSpan())
        {
            if (token.Term.Length == 0)
            {
                continue;
            }

            // A stop word keeps its position (the numbering stays that of the text) but no term of its own.
            highest = Math.Max(highest, Math.Max(0, token.Position));
            if (!token.IsStopWord)
            {
                terms++;
            }

            if (token.IsCompoundPart)
            {
                _parts++;
                if (token.IsStopWord)
                {
                    _stopParts++;
                }
            }
            else if (token.Word.Length > 0)
            {
                _words++;
                if (token.IsStopWord)
                {
                    _stopWords++;
                }
            }
        }

        _terms += terms;
        _segments.Add(new Stretch(array, offset, terms, highest));
    }

    /// <summary>How many of the analysed tokens a field of <paramref name="kind"/> takes (a word field keeps a stop word
    /// once, so its length is <see cref="TokenReplay.Length"/>).</summary>
    public int Count(FieldTokenKind kind) => kind switch
    {
        FieldTokenKind.Positional or FieldTokenKind.Terms or FieldTokenKind.Zone => _terms,
        FieldTokenKind.Parts => _parts,
        FieldTokenKind.StopWords => _stopWords,
        FieldTokenKind.StopParts => _stopParts,
        _ => _words,
    };

    /// <summary>The occurrences of whole words that are not stop words: the word field's length less its stop words.</summary>
    public int SpokenWords => _words - _stopWords;

    /// <summary>How many terms (stems and parts but stop words) segment <paramref name="index"/> holds.</summary>
    public int TermsIn(int index) => _segments[index].Terms;

    /// <summary>The tokens and start offset of segment <paramref name="index"/>.</summary>
    public (Token[] Tokens, int Offset) Segment(int index) => (_segments[index].Tokens, _segments[index].Offset);

    /// <summary>The position at which <see cref="TokenReplay"/> starts each segment in a <see cref="FieldTokenKind.Positional"/>
    /// field; a segment's tokens lie from its start up to, not including, the next segment's.</summary>
    /// <remarks>The one place of the numbering (the replay and the passage layout both read it): a segment starts
    /// <see cref="IndexSchema.PositionGap"/> after the highest position before it, and a token sits at the segment's
    /// start plus its own position (never below the highest position so far).</remarks>
    public int[] PositionalStarts()
    {
        var starts = new int[_segments.Count];
        var highest = -1;
        for (var s = 0; s < _segments.Count; s++)
        {
            var start = highest < 0 ? 0 : highest + IndexSchema.PositionGap;
            starts[s] = start;
            if (_segments[s].HighestPosition >= 0)
            {
                highest = Math.Max(highest, start + _segments[s].HighestPosition);
            }
        }

        return starts;
    }

    /// <summary>True when a field of <paramref name="kind"/> takes <paramref name="token"/>.</summary>
    public static bool Takes(FieldTokenKind kind, in Token token) => kind switch
    {
        FieldTokenKind.Positional or FieldTokenKind.Terms or FieldTokenKind.Zone => token.Term.Length > 0 && !token.IsStopWord,
        FieldTokenKind.Parts => token.Term.Length > 0 && token.IsCompoundPart,
        FieldTokenKind.StopParts => token.Term.Length > 0 && token.IsCompoundPart && token.IsStopWord,
        FieldTokenKind.StopWords => token.Term.Length > 0 && !token.IsCompoundPart && token.Word.Length > 0 && token.IsStopWord,
        _ => token.Term.Length > 0 && !token.IsCompoundPart && token.Word.Length > 0,
    };

    private readonly record struct Stretch(Token[] Tokens, int Offset, int Terms, int HighestPosition);
}
