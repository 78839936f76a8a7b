using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Which of a text's analysed tokens an index field takes, and how they are positioned (see <see cref="IndexSchema"/>).</summary>
public enum FieldTokenKind
{
    /// <summary>Whole-word stems and compound parts with their positions (parts at increment 0 behind their word).</summary>
    Positional,

    /// <summary>Compound parts only, one position each: the positional field less these is the whole-word stems.</summary>
    Parts,

    /// <summary>Exact surface words of whole words, one position each.</summary>
    Words,

    /// <summary>Stems and parts, one position each (passage fields: no phrases run on them).</summary>
    Terms,
}

/// <summary>The analysed segments (a title, the headings, the passages) of one text of a document, as the index fields read them.</summary>
/// <remarks>A view, not a copy: <see cref="TokenReplay"/> reads the analysed tokens directly, so each field costs no
/// token list of its own (those lists were a third of the allocation of indexing). Segments are joined with
/// <see cref="IndexSchema.PositionGap"/> so a phrase never runs from one into the next.</remarks>
public sealed class FieldTokens
{
    private readonly List<(IReadOnlyList<Token> Tokens, int Offset)> _segments = [];

    /// <summary>Number of segments added (empty ones are skipped).</summary>
    public int SegmentCount => _segments.Count;

    /// <summary>Appends one analysed segment whose offsets start at <paramref name="offset"/>.</summary>
    public void Add(IReadOnlyList<Token> tokens, int offset)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count > 0)
        {
            _segments.Add((tokens, offset));
        }
    }

    /// <summary>How many tokens a field of <paramref name="kind"/> gets (its length for ranking).</summary>
    public int Count(FieldTokenKind kind)
    {
        var count = 0;
        foreach (var (tokens, _) in _segments)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (Takes(kind, tokens[i]))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The tokens and start offset of segment <paramref name="index"/>.</summary>
    public (IReadOnlyList<Token> Tokens, int Offset) Segment(int index) => _segments[index];

    /// <summary>The position at which <see cref="TokenReplay"/> starts each segment in a <see cref="FieldTokenKind.Positional"/>
    /// field; a segment's tokens lie from its start up to, not including, the next segment's.</summary>
    /// <remarks>Mirrors the replay's numbering: a segment starts <see cref="IndexSchema.PositionGap"/> after the highest
    /// position before it, and a token sits at the segment's start plus its own position (never below the highest
    /// position so far).</remarks>
    public int[] PositionalStarts()
    {
        var starts = new int[_segments.Count];
        var highest = -1;
        for (var s = 0; s < _segments.Count; s++)
        {
            var start = highest < 0 ? 0 : highest + IndexSchema.PositionGap;
            starts[s] = start;
            var tokens = _segments[s].Tokens;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (Takes(FieldTokenKind.Positional, tokens[i]))
                {
                    highest = Math.Max(highest, start + Math.Max(0, tokens[i].Position));
                }
            }
        }

        return starts;
    }

    /// <summary>True when a field of <paramref name="kind"/> takes <paramref name="token"/>.</summary>
    public static bool Takes(FieldTokenKind kind, in Token token) => kind switch
    {
        FieldTokenKind.Positional or FieldTokenKind.Terms => token.Term.Length > 0,
        FieldTokenKind.Parts => token.Term.Length > 0 && token.IsCompoundPart,
        _ => token.Term.Length > 0 && !token.IsCompoundPart && token.Word.Length > 0,
    };
}
