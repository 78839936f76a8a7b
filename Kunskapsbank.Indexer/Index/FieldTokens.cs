using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Turns analysed tokens into the token lists of the index fields (see <see cref="IndexSchema"/>).</summary>
/// <remarks>Positional fields get whole-word stems and compound parts (parts at increment 0 behind their word's position);
/// stem fields get the stems of whole words; word fields the surface words. Segments (passages, headings) are joined with
/// <see cref="IndexSchema.PositionGap"/> so a phrase never runs from one into the next.</remarks>
public sealed class FieldTokens
{
    private readonly List<ReplayToken> _positional = [];
    private readonly List<ReplayToken> _stems = [];
    private readonly List<ReplayToken> _words = [];
    private int _lastPosition = -1;

    /// <summary>Stems and compound parts with their positions.</summary>
    public IReadOnlyList<ReplayToken> Positional => _positional;

    /// <summary>Stems of whole words.</summary>
    public IReadOnlyList<ReplayToken> Stems => _stems;

    /// <summary>Exact surface words.</summary>
    public IReadOnlyList<ReplayToken> Words => _words;

    /// <summary>Appends one analysed segment (a title, a heading, a passage) whose offsets start at <paramref name="offset"/>.</summary>
    public void Add(IReadOnlyList<Token> tokens, int offset)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            return;
        }

        var segmentBase = _lastPosition < 0 ? 0 : _lastPosition + IndexSchema.PositionGap;
        var highest = _lastPosition;
        foreach (var token in tokens)
        {
            if (token.Term.Length == 0)
            {
                continue;
            }

            var position = segmentBase + Math.Max(0, token.Position);
            var increment = _positional.Count == 0 ? Math.Max(1, position + 1) : Math.Max(0, position - highest);
            highest = Math.Max(highest, position);
            var start = offset + token.Start;
            var end = offset + Math.Max(token.Start, token.End);
            var type = token.IsCompoundPart ? "part" : "word";
            _positional.Add(new ReplayToken(token.Term, increment, start, end, type));
            if (token.IsCompoundPart)
            {
                continue;
            }

            _stems.Add(new ReplayToken(token.Term, 1, start, end, type));
            if (token.Word.Length > 0)
            {
                _words.Add(new ReplayToken(token.Word, 1, start, end, type));
            }
        }

        _lastPosition = highest;
    }

    /// <summary>The stems and parts of a segment, without positions (passage fields).</summary>
    public static List<ReplayToken> TermsOf(IReadOnlyList<Token> tokens, int offset)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var list = new List<ReplayToken>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Term.Length > 0)
            {
                list.Add(new ReplayToken(token.Term, 1, offset + token.Start, offset + Math.Max(token.Start, token.End), token.IsCompoundPart ? "part" : "word"));
            }
        }

        return list;
    }
}
